package com.novanta.account;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.novanta.notification.CaughtMail;
import com.novanta.notification.DevMailbox;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads what the embedded SMTP server caught for one recipient. */
final class TestMail {

	private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/\\S+)");

	private final DevMailbox mailbox;

	TestMail(DevMailbox mailbox) {
		this.mailbox = mailbox;
	}

	/** The messages to an address, oldest first. */
	List<CaughtMail> to(String email) {
		List<CaughtMail> oldestFirst = new ArrayList<>(this.mailbox.messages());
		Collections.reverse(oldestFirst);
		return oldestFirst.stream().filter((mail) -> mail.to().equals(email)).toList();
	}

	/** The one message with that subject to an address. */
	CaughtMail only(String email, String subject) {
		List<CaughtMail> matching = to(email).stream().filter((mail) -> subject.equals(mail.subject())).toList();
		assertThat(matching).as("messages to %s titled '%s'", email, subject).hasSize(1);
		return matching.get(0);
	}

	/** The newest message with that subject to an address. */
	CaughtMail latest(String email, String subject) {
		List<CaughtMail> matching = to(email).stream().filter((mail) -> subject.equals(mail.subject())).toList();
		assertThat(matching).as("messages to %s titled '%s'", email, subject).isNotEmpty();
		return matching.get(matching.size() - 1);
	}

	/** The path (and query) of the link in a message's plain-text part. */
	static String linkIn(CaughtMail mail) {
		return link(mail.text());
	}

	static String link(String text) {
		Matcher matcher = LINK.matcher(text);
		assertThat(matcher.find()).as("a link in:%n%s", text).isTrue();
		return matcher.group(1);
	}

}
