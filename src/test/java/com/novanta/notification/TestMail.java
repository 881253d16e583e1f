package com.novanta.notification;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads what the embedded SMTP server caught for one recipient. */
public final class TestMail {

	private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/\\S+)");

	private final DevMailbox mailbox;

	public TestMail(DevMailbox mailbox) {
		this.mailbox = mailbox;
	}

	/** The messages to an address, oldest first. */
	public List<CaughtMail> to(String email) {
		List<CaughtMail> oldestFirst = new ArrayList<>(this.mailbox.messages());
		Collections.reverse(oldestFirst);
		return oldestFirst.stream().filter((mail) -> mail.to().equals(email)).toList();
	}

	/** The one message to an address: there is no other. */
	public CaughtMail only(String email) {
		List<CaughtMail> messages = to(email);
		assertThat(messages).as("messages to %s", email).hasSize(1);
		return messages.get(0);
	}

	/** The one message with that subject to an address. */
	public CaughtMail only(String email, String subject) {
		List<CaughtMail> matching = to(email).stream().filter((mail) -> subject.equals(mail.subject())).toList();
		assertThat(matching).as("messages to %s titled '%s'", email, subject).hasSize(1);
		return matching.get(0);
	}

	/** The newest message with that subject to an address. */
	public CaughtMail latest(String email, String subject) {
		List<CaughtMail> matching = to(email).stream().filter((mail) -> subject.equals(mail.subject())).toList();
		assertThat(matching).as("messages to %s titled '%s'", email, subject).isNotEmpty();
		return matching.get(matching.size() - 1);
	}

	/** The path (and query) of the link in a message's plain-text part. */
	public static String linkIn(CaughtMail mail) {
		return link(mail.text());
	}

	/**
	 * The token of an emailed link: the value of its {@code token} parameter, to its end.
	 */
	public static String tokenOf(String link) {
		int token = link.indexOf("token=");
		assertThat(token).as("a token in %s", link).isNotNegative();
		return link.substring(token + "token=".length());
	}

	public static String link(String text) {
		Matcher matcher = LINK.matcher(text);
		assertThat(matcher.find()).as("a link in:%n%s", text).isTrue();
		return matcher.group(1);
	}

}
