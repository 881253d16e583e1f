package com.novanta.account.social;

import java.io.Serial;
import java.io.Serializable;
import java.util.Map;

import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.user.OAuth2User;

/**
 * Who a provider says signed in.
 *
 * @param provider the registration id, for example {@code google}
 * @param subject the provider's permanent id for the person
 * @param email the email the provider reports
 * @param emailVerified whether the provider vouches for the email
 * @param name the name the provider reports
 */
public record SocialProfile(String provider, String subject, String email, boolean emailVerified,
		String name) implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	public static SocialProfile of(String provider, OAuth2User user) {
		if (user instanceof OidcUser oidc) {
			String name = (oidc.getFullName() != null) ? oidc.getFullName() : oidc.getGivenName();
			return new SocialProfile(provider, oidc.getSubject(), oidc.getEmail(),
					Boolean.TRUE.equals(oidc.getEmailVerified()), name);
		}
		Map<String, Object> attributes = user.getAttributes();
		String subject = string(attributes.get("id"));
		if (subject == null) {
			subject = string(attributes.get("sub"));
		}
		String email = string(attributes.get("email"));
		// Facebook only ever returns an address its owner has confirmed.
		boolean verified = "facebook".equals(provider) ? email != null
				: Boolean.TRUE.equals(attributes.get("email_verified"));
		return new SocialProfile(provider, subject, email, verified, string(attributes.get("name")));
	}

	private static String string(Object value) {
		return (value != null) ? value.toString() : null;
	}

}
