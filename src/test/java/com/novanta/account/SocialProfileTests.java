package com.novanta.account;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.novanta.account.social.SocialProfile;

import org.junit.jupiter.api.Test;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each provider's answer says about who signed in. Facebook is no OpenID Connect
 * provider: its Graph API answers {@code id}, {@code name} and {@code email} (the fields
 * Spring Security asks for), and gives an email only when its owner confirmed it.
 */
class SocialProfileTests {

	static final Instant ISSUED = Instant.parse("2030-06-01T10:00:00Z");

	@Test
	void facebooksIdNameAndEmailMakeAVerifiedProfile() {
		SocialProfile profile = SocialProfile.of("facebook",
				facebook(Map.of("id", "10229384756", "name", "Ada Lovelace", "email", "ada@example.com")));

		assertThat(profile)
			.isEqualTo(new SocialProfile("facebook", "10229384756", "ada@example.com", true, "Ada Lovelace"));
	}

	@Test
	void aFacebookAccountWithoutAnEmailGivesNoVerifiedEmail() {
		// a Facebook account made with a phone number, or whose owner refused the email
		SocialProfile profile = SocialProfile.of("facebook", facebook(Map.of("id", "10229384757", "name", "Bo")));

		assertThat(profile).isEqualTo(new SocialProfile("facebook", "10229384757", null, false, "Bo"));
	}

	@Test
	void aNumericFacebookIdIsKeptAsItsDigits() {
		SocialProfile profile = SocialProfile.of("facebook",
				facebook(Map.of("id", 10229384758L, "name", "Cy", "email", "cy@example.com")));

		assertThat(profile.subject()).isEqualTo("10229384758");
	}

	@Test
	void anotherOAuthProviderVouchesForAnEmailOnlyWhenItSaysSo() {
		SocialProfile unsaid = SocialProfile.of("other",
				new DefaultOAuth2User(List.of(), Map.of("id", "7", "email", "di@example.com"), "id"));
		SocialProfile denied = SocialProfile.of("other", new DefaultOAuth2User(List.of(),
				Map.of("id", "8", "email", "di@example.com", "email_verified", false), "id"));
		SocialProfile vouched = SocialProfile.of("other", new DefaultOAuth2User(List.of(),
				Map.of("sub", "9", "email", "di@example.com", "email_verified", true), "sub"));

		assertThat(unsaid.emailVerified()).isFalse();
		assertThat(denied.emailVerified()).isFalse();
		assertThat(vouched).isEqualTo(new SocialProfile("other", "9", "di@example.com", true, null));
	}

	@Test
	void googlesIdTokenSaysWhetherTheEmailIsVerified() {
		SocialProfile verified = SocialProfile.of("google",
				google(Map.of("sub", "g-1", "email", "eve@example.com", "email_verified", true, "name", "Eve")));
		SocialProfile unverified = SocialProfile.of("google",
				google(Map.of("sub", "g-2", "email", "fay@example.com", "email_verified", false, "given_name", "Fay")));

		assertThat(verified).isEqualTo(new SocialProfile("google", "g-1", "eve@example.com", true, "Eve"));
		assertThat(unverified).isEqualTo(new SocialProfile("google", "g-2", "fay@example.com", false, "Fay"));
	}

	/** The user Spring Security makes of Facebook's answer ({@code id} names it). */
	private static DefaultOAuth2User facebook(Map<String, Object> attributes) {
		return new DefaultOAuth2User(List.of(new SimpleGrantedAuthority("OAUTH2_USER")), attributes, "id");
	}

	private static DefaultOidcUser google(Map<String, Object> claims) {
		OidcIdToken token = OidcIdToken.withTokenValue("token")
			.issuedAt(ISSUED)
			.expiresAt(ISSUED.plusSeconds(3600))
			.claims((all) -> all.putAll(claims))
			.build();
		return new DefaultOidcUser(List.of(new SimpleGrantedAuthority("OIDC_USER")), token);
	}

}
