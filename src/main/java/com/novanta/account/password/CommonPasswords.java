package com.novanta.account.password;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The most common passwords (the shipped list holds 30,000), compared case-insensitively.
 */
public final class CommonPasswords {

	static final String RESOURCE = "/account/common-passwords.txt";

	private final Set<String> passwords;

	private CommonPasswords(Set<String> passwords) {
		this.passwords = passwords;
	}

	public static CommonPasswords load() {
		try (InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("Missing " + RESOURCE);
			}
			Set<String> passwords = new HashSet<>(40_000);
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (!line.isBlank() && !line.startsWith("#")) {
					passwords.add(line.trim().toLowerCase(Locale.ROOT));
				}
			}
			return new CommonPasswords(passwords);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public boolean contains(String password) {
		return this.passwords.contains(password.toLowerCase(Locale.ROOT));
	}

	public int size() {
		return this.passwords.size();
	}

}
