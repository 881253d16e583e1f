package com.novanta.account;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.novanta.account.internal.AccountRepository;
import com.novanta.audit.AuditAction;
import com.novanta.audit.AuditLog.Actor;
import com.novanta.audit.AuditLog;
import com.novanta.config.SharedSecrets;

import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Email preferences changed from an email, without signing in: a link signed with a
 * server-side key for one purpose (one {@link Kind} of email) and one account, which
 * cannot be used for anything else and needs no database lookup to check.
 */
@Service
public class EmailPreferences {

	/** The kinds of email that a link in the email itself can stop. */
	public enum Kind {

		/** The "no win this time" results; win emails are always sent. */
		NO_WIN("no-win", AuditAction.UNSUBSCRIBED_NO_WIN),

		/** The reminders that a game's lottery closes soon, for every game. */
		CLOSING_REMINDERS("closing-reminders", AuditAction.UNSUBSCRIBED_CLOSING_REMINDERS),

		/** The alerts that a game's jackpot reached an amount, for every game. */
		JACKPOT_ALERTS("jackpot-alerts", AuditAction.UNSUBSCRIBED_JACKPOT_ALERTS);

		private final String slug;

		private final AuditAction action;

		Kind(String slug, AuditAction action) {
			this.slug = slug;
			this.action = action;
		}

		/** Its part of the link's path: {@code /unsubscribe/closing-reminders}. */
		public String slug() {
			return this.slug;
		}

		/** The kind a link's path names. */
		public static Optional<Kind> ofSlug(String slug) {
			return Arrays.stream(values()).filter((kind) -> kind.slug.equals(slug)).findFirst();
		}

		/** What the signature is for: one kind's link never stops another. */
		String purpose() {
			return "unsubscribe-" + this.slug;
		}

	}

	private final AccountRepository accounts;

	private final SharedSecrets secrets;

	private final AuditLog audit;

	EmailPreferences(AccountRepository accounts, SharedSecrets secrets, AuditLog audit) {
		this.accounts = accounts;
		this.secrets = secrets;
		this.audit = audit;
	}

	/** The path of the one-click link that stops "no win" emails for an account. */
	public String noWinUnsubscribePath(String accountId) {
		return unsubscribePath(Kind.NO_WIN, accountId);
	}

	/** The path of the one-click link that stops one kind of email for an account. */
	public String unsubscribePath(Kind kind, String accountId) {
		return "/unsubscribe/" + kind.slug() + "?account=" + accountId + "&token=" + sign(kind, accountId);
	}

	public boolean isValid(String accountId, String token) {
		return isValid(Kind.NO_WIN, accountId, token);
	}

	/** Whether the token was signed for this kind of email and this account. */
	public boolean isValid(Kind kind, String accountId, String token) {
		if (kind == null || accountId == null || token == null || accountId.length() > 64) {
			return false;
		}
		return MessageDigest.isEqual(sign(kind, accountId).getBytes(StandardCharsets.US_ASCII),
				token.getBytes(StandardCharsets.US_ASCII));
	}

	/**
	 * Stops the account's "no win" emails if the signed link is right.
	 * @return whether it was right
	 */
	public boolean unsubscribeNoWin(String accountId, String token, String clientAddress) {
		return unsubscribe(Kind.NO_WIN, accountId, token, clientAddress);
	}

	/**
	 * Stops one kind of the account's emails if the signed link is right: one atomic
	 * write to the account, which changes nothing when it is done again.
	 * @return whether it was right
	 */
	public boolean unsubscribe(Kind kind, String accountId, String token, String clientAddress) {
		if (!isValid(kind, accountId, token)) {
			return false;
		}
		Update update = switch (kind) {
			case NO_WIN -> new Update().set("noWinEmails", false);
			case CLOSING_REMINDERS -> new Update().set("reminders.closing", new String[0]);
			case JACKPOT_ALERTS -> new Update().set("reminders.jackpot", Map.of());
		};
		Account before = this.accounts.findById(accountId).orElse(null);
		this.accounts.update(accountId, update).ifPresent((account) -> {
			if (account.isActive()) {
				this.audit.record(new Actor(account.id(), account.email(), clientAddress), kind.action, "account",
						account.id(), was(kind, before), is(kind));
			}
		});
		return true;
	}

	private static Map<String, Object> was(Kind kind, Account before) {
		return switch (kind) {
			case NO_WIN -> Map.of("noWinEmails", true);
			case CLOSING_REMINDERS ->
				Map.of("closingReminders", (before != null) ? before.reminders().describeClosing() : "");
			case JACKPOT_ALERTS ->
				Map.of("jackpotAlerts", (before != null) ? before.reminders().describeJackpot() : "");
		};
	}

	private static Map<String, Object> is(Kind kind) {
		return switch (kind) {
			case NO_WIN -> Map.of("noWinEmails", false);
			case CLOSING_REMINDERS -> Map.of("closingReminders", "");
			case JACKPOT_ALERTS -> Map.of("jackpotAlerts", "");
		};
	}

	private String sign(Kind kind, String accountId) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.secrets.get("unsubscribe").getBytes(StandardCharsets.US_ASCII),
					"HmacSHA256"));
			byte[] signature = mac.doFinal((kind.purpose() + ":" + accountId).getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
