package com.novanta.account;

import java.util.Optional;

import com.novanta.account.password.CommonPasswords;
import com.novanta.account.password.PasswordPolicy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	private static final String EMAIL = "Ada.Lovelace@Example.com";

	private static final PasswordPolicy policy = new PasswordPolicy(CommonPasswords.load());

	@Test
	void requiresAPassword() {
		assertThat(check(null)).contains("password.required");
		assertThat(check("")).contains("password.required");
	}

	@Test
	void refusesFewerThanEightCharacters() {
		assertThat(check("7 chars")).contains("password.tooShort");
	}

	@Test
	void acceptsExactlyEightCharacters() {
		assertThat(check("zq8#vk2!")).isEmpty();
	}

	@Test
	void refusesMoreThan128Characters() {
		assertThat(check("x".repeat(128) + "y")).contains("password.tooLong");
	}

	@Test
	void acceptsExactly128Characters() {
		assertThat(check("zq8#vk2!".repeat(16))).isEmpty();
	}

	@Test
	void countsCharactersNotUtf16Units() {
		// Seven emoji are fourteen UTF-16 units, but only seven characters.
		String sevenEmoji = "\uD83C\uDF40".repeat(7);
		assertThat(sevenEmoji).hasSize(14);
		assertThat(check(sevenEmoji)).contains("password.tooShort");
		assertThat(check(sevenEmoji + "\uD83C\uDFB2")).isEmpty();
		// 128 emoji are 256 UTF-16 units, and still allowed.
		assertThat(check("\uD83C\uDFB2".repeat(128))).isEmpty();
		assertThat(check("\uD83C\uDFB2".repeat(129))).contains("password.tooLong");
	}

	@ParameterizedTest
	@ValueSource(strings = { "correct horse battery staple", "ça va très bien, merci", "пароль-на-русском",
			"日本語のパスワードです", "    spaces    ", "tab\tand\nnewline", "\uD83C\uDF40 four leaf clover" })
	void acceptsAnyCharactersIncludingUnicodeAndSpaces(String password) {
		assertThat(check(password)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "password", "PASSWORD", "Password", "qwertyuiop", "QwErTyUiOp", "password123", "iloveyou1" })
	void refusesCommonPasswordsWhateverTheirCase(String password) {
		assertThat(check(password)).contains("password.common");
	}

	@ParameterizedTest
	@ValueSource(strings = { "ada.lovelace@example.com", "ADA.LOVELACE@EXAMPLE.COM", "Ada.Lovelace@Example.com",
			" ada.lovelace@example.com ", "ada.lovelace", "ADA.LOVELACE" })
	void refusesTheEmailAddressOrItsLocalPart(String password) {
		assertThat(check(password)).contains("password.email");
	}

	@Test
	void acceptsAPasswordThatMerelyContainsTheEmail() {
		assertThat(check("ada.lovelace is my name")).isEmpty();
	}

	@Test
	void checksWithoutAnEmail() {
		assertThat(policy.check("ada.lovelace", null)).isEmpty();
		assertThat(policy.check("ada.lovelace", "")).isEmpty();
	}

	private static Optional<String> check(String password) {
		return policy.check(password, EMAIL);
	}

}
