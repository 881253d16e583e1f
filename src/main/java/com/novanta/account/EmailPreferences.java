package com.novanta.account;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

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
 * server-side key for one purpose and one account (stopping "no win" emails), which
 * cannot be used for anything else and needs no database lookup to check.
 */
@Service
public class EmailPreferences {

	static final String PURPOSE = "unsubscribe-no-win";

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
		return "/unsubscribe/no-win?account=" + accountId + "&token=" + sign(accountId);
	}

	public boolean isValid(String accountId, String token) {
		if (accountId == null || token == null || accountId.length() > 64) {
			return false;
		}
		return MessageDigest.isEqual(sign(accountId).getBytes(StandardCharsets.US_ASCII),
				token.getBytes(StandardCharsets.US_ASCII));
	}

	/**
	 * Stops the account's "no win" emails if the signed link is right.
	 * @return whether it was right
	 */
	public boolean unsubscribeNoWin(String accountId, String token, String clientAddress) {
		if (!isValid(accountId, token)) {
			return false;
		}
		this.accounts.update(accountId, new Update().set("noWinEmails", false)).ifPresent((account) -> {
			if (account.isActive()) {
				this.audit.record(new Actor(account.id(), account.email(), clientAddress),
						AuditAction.UNSUBSCRIBED_NO_WIN, "account", account.id(), Map.of("noWinEmails", true),
						Map.of("noWinEmails", false));
			}
		});
		return true;
	}

	private String sign(String accountId) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.secrets.get("unsubscribe").getBytes(StandardCharsets.US_ASCII),
					"HmacSHA256"));
			byte[] signature = mac.doFinal((PURPOSE + ":" + accountId).getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
