package com.novanta.account.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.novanta.config.SharedSecrets;
import com.novanta.config.SiteCookies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;

/**
 * Browsers where an account's owner signed in before ("device cookies", as OWASP
 * describes them). After a sign-in the browser keeps a cookie that names a random device
 * id and is signed for the account's email address; the address itself is not in it. A
 * sign-in from such a browser is throttled on its own (see {@link SignInThrottle}), so a
 * stranger guessing passwords for an address cannot lock its owner out of their own
 * devices. The cookie proves nothing by itself: the password is still checked.
 */
@Component
public class KnownDevices {

	public static final String COOKIE = "NOVANTA-DEVICE";

	static final Duration VALIDITY = Duration.ofDays(365);

	private final SharedSecrets secrets;

	private final SiteCookies cookies;

	private final SecureRandom random = new SecureRandom();

	private volatile byte[] key;

	KnownDevices(SharedSecrets secrets, SiteCookies cookies) {
		this.secrets = secrets;
		this.cookies = cookies;
	}

	/** The device the request comes from, if it is known for this email address. */
	public String recognise(HttpServletRequest request, String email) {
		return recognise(this.cookies.read(request, COOKIE), email);
	}

	/** The device a cookie value names, if it is signed for this email address. */
	public String recognise(String cookie, String email) {
		if (cookie == null || cookie.length() > 200) {
			return null;
		}
		int dot = cookie.indexOf('.');
		if (dot <= 0) {
			return null;
		}
		String device = cookie.substring(0, dot);
		byte[] expected = sign(device, email).getBytes(StandardCharsets.US_ASCII);
		byte[] actual = cookie.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, actual) ? device : null;
	}

	/**
	 * After a sign-in: the browser becomes a known device for this address (it keeps its
	 * device id if it had one for it).
	 */
	public void remember(HttpServletRequest request, HttpServletResponse response, String email) {
		String device = recognise(request, email);
		if (device == null) {
			byte[] bytes = new byte[16];
			this.random.nextBytes(bytes);
			device = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		}
		this.cookies.write(response, COOKIE, device + "." + sign(device, email), VALIDITY);
	}

	private String sign(String device, String email) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key(), "HmacSHA256"));
			byte[] signature = mac
				.doFinal((device + "\n" + EmailAddresses.normalize(email)).getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private byte[] key() {
		byte[] current = this.key;
		if (current == null) {
			current = this.secrets.get("known-devices").getBytes(StandardCharsets.US_ASCII);
			this.key = current;
		}
		return current;
	}

}
