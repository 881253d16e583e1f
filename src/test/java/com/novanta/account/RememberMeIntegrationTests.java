package com.novanta.account;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.novanta.account.internal.AccountRepository;
import com.novanta.account.signin.RevocableRememberMe;
import com.novanta.testing.IntegrationTest;
import com.novanta.testing.MutableClock;
import com.novanta.testing.WebVisitor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Keep me signed in" over real HTTP, and how it ends: a copy of the cookie stops working
 * when its owner signs out, signs out everywhere, changes the password, or when an admin
 * disables the account, even after it is enabled again. The cookie names no email.
 */
@IntegrationTest
class RememberMeIntegrationTests {

	static final String PASSWORD = "a long passphrase";

	static final String COOKIE = RevocableRememberMe.COOKIE;

	@LocalServerPort
	int port;

	@Autowired
	AccountRepository repository;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	AccountAdministration administration;

	@Autowired
	MutableClock clock;

	@Autowired
	ApplicationContext context;

	TestParticipants accounts;

	Account account;

	@BeforeEach
	void setUp() {
		this.accounts = new TestParticipants(this.repository, this.passwordEncoder, this.clock);
		this.account = this.accounts.verifiedAccount(TestParticipants.email("remembered"), PASSWORD);
	}

	@Test
	void aRememberedBrowserComesBackSignedInWithoutItsSession() {
		WebVisitor phone = rememberedVisitor();

		WebVisitor copy = copyOfTheCookie(phone);

		assertThat(copy.get("/account").status()).isEqualTo(200);
	}

	@Test
	void theCookieNamesNoEmailAndNoPasswordHash() {
		String cookie = rememberedVisitor().cookie(COOKIE);

		String decoded = new String(Base64.getDecoder().decode(cookie), StandardCharsets.UTF_8);
		assertThat(decoded).doesNotContainIgnoringCase(this.account.email())
			.doesNotContainIgnoringCase(this.account.email().substring(0, this.account.email().indexOf('@')))
			.doesNotContain("argon2");
	}

	@Test
	void aCopiedCookieStopsWorkingWhenItsOwnerSignsOut() {
		WebVisitor phone = rememberedVisitor();
		WebVisitor thief = copyOfTheCookie(phone);

		phone.get("/");
		phone.post("/signout", Map.of());

		assertThat(thief.get("/account").location()).endsWith("/signin");
	}

	@Test
	void signingOutEverywhereEndsEverySessionAndEveryRememberedBrowser() {
		WebVisitor phone = rememberedVisitor();
		WebVisitor laptop = rememberedVisitor();
		WebVisitor copy = copyOfTheCookie(laptop);
		WebVisitor tablet = new WebVisitor(base());
		assertThat(tablet.signIn(this.account.email(), PASSWORD)).isTrue();

		phone.get("/account");
		String answer = phone.post("/account/signout-everywhere", Map.of()).location();

		assertThat(answer).endsWith("/?signedOutEverywhere");
		assertThat(phone.get(answer).body()).contains("You are signed out on every device.");
		assertThat(phone.get("/account").location()).endsWith("/signin");
		assertThat(laptop.get("/account").location()).endsWith("/signin");
		assertThat(copy.get("/account").location()).endsWith("/signin");
		assertThat(tablet.get("/account").location()).endsWith("/signin");
	}

	@Test
	void aCopiedCookieStopsWorkingWhenThePasswordChanges() {
		WebVisitor phone = rememberedVisitor();
		WebVisitor thief = copyOfTheCookie(phone);

		phone.get("/account");
		phone.post("/account/password", Map.of("currentPassword", List.of(PASSWORD), "password",
				List.of("a brand new passphrase"), "confirmation", List.of("a brand new passphrase")));

		assertThat(thief.get("/account").location()).endsWith("/signin");
	}

	@Test
	void aCopiedCookieStopsWorkingWhenTheAccountIsDisabledAndStaysDeadWhenItIsEnabledAgain() {
		WebVisitor phone = rememberedVisitor();
		WebVisitor thief = copyOfTheCookie(phone);
		CurrentAccount admin = new TestParticipants(this.context).admin("Remy Admin");

		this.administration.disable(admin, this.account.id(), "127.0.0.1");
		assertThat(copyOfTheCookie(phone).get("/account").location()).endsWith("/signin");
		this.administration.enable(admin, this.account.id(), "127.0.0.1");

		assertThat(thief.get("/account").location()).endsWith("/signin");
	}

	@Test
	void aForgedCookieSignsNobodyIn() {
		String forged = Base64.getEncoder()
			.encodeToString((this.account.email() + ":99999999999999:deadbeef").getBytes(StandardCharsets.UTF_8));

		WebVisitor forger = new WebVisitor(base()).withCookie(COOKIE, forged);

		assertThat(forger.get("/account").location()).endsWith("/signin");
	}

	/** A visitor who signed in with "keep me signed in". */
	private WebVisitor rememberedVisitor() {
		WebVisitor visitor = new WebVisitor(base());
		visitor.get("/signin");
		String answer = visitor
			.post("/signin", Map.of("email", List.of(this.account.email()), "password", List.of(PASSWORD), "remember",
					List.of("true")))
			.location();
		assertThat(answer).doesNotContain("error");
		assertThat(visitor.cookie(COOKIE)).isNotBlank();
		return visitor;
	}

	/** Another browser holding only a copy of the visitor's remember-me cookie. */
	private WebVisitor copyOfTheCookie(WebVisitor visitor) {
		return new WebVisitor(base()).withCookie(COOKIE, visitor.cookie(COOKIE));
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

}
