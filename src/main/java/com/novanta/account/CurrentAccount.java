package com.novanta.account;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person, as the session keeps them. Built from the account at sign-in and
 * refreshed on every request (roles, verification, status), so a change by an admin
 * applies at once.
 *
 * @param id the account id
 * @param email the email address
 * @param name the name
 * @param roles the roles
 * @param emailVerified whether the email is verified (only verified participants can
 * play)
 * @param timeZone the time zone times are shown in
 * @param language the preferred language
 * @param sessionEpoch the account's session epoch at sign-in; a newer one ends this
 * session
 * @param password the password hash while signing in; the session keeps a copy without it
 * @param active whether the account is active
 */
public record CurrentAccount(String id, String email, String name, Set<Role> roles, boolean emailVerified,
		String timeZone, String language, int sessionEpoch, String password,
		boolean active) implements UserDetails, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	public static CurrentAccount of(Account account) {
		return new CurrentAccount(account.id(), account.email(), account.name(), Set.copyOf(account.roles()),
				account.emailVerified(), account.timeZone(), account.language(), account.sessionEpoch(),
				(account.passwordHash() != null) ? account.passwordHash() : "", account.isActive());
	}

	public boolean isAdmin() {
		return this.roles.contains(Role.ADMIN);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return this.roles.stream()
			.map((role) -> new SimpleGrantedAuthority(role.authority()))
			.collect(Collectors.toSet());
	}

	@Override
	public String getPassword() {
		return this.password;
	}

	@Override
	public String getUsername() {
		return this.email;
	}

	@Override
	public boolean isEnabled() {
		return this.active;
	}

	public CurrentAccount withoutPassword() {
		return new CurrentAccount(this.id, this.email, this.name, this.roles, this.emailVerified, this.timeZone,
				this.language, this.sessionEpoch, null, this.active);
	}

	Map<String, Object> describe() {
		return Map.of("id", this.id, "email", this.email);
	}

}
