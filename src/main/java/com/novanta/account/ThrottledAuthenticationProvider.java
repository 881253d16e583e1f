package com.novanta.account;

import java.time.Clock;
import java.time.Instant;

import com.novanta.audit.AuditLog;
import com.novanta.audit.AuditLog.Actor;

import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in with throttling: a locked email address or client is refused before
 * the password is even checked; every failure is counted and audited; a success clears
 * the count. Whatever went wrong, the visitor is told the same thing, so nothing reveals
 * whether an address is registered.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final DaoAuthenticationProvider passwords;

	private final SignInThrottle throttle;

	private final AccountRepository accounts;

	private final AdminRoles adminRoles;

	private final AuditLog audit;

	private final Clock clock;

	private final io.micrometer.core.instrument.MeterRegistry meters;

	ThrottledAuthenticationProvider(AccountUserDetailsService userDetails, PasswordEncoder encoder,
			SignInThrottle throttle, AccountRepository accounts, AdminRoles adminRoles, AuditLog audit, Clock clock,
			io.micrometer.core.instrument.MeterRegistry meters) {
		this.meters = meters;
		this.passwords = new DaoAuthenticationProvider(userDetails);
		this.passwords.setPasswordEncoder(encoder);
		// Check the password first, then whether the account may sign in: the answer
		// takes
		// as long either way.
		this.passwords.setPreAuthenticationChecks((user) -> {
		});
		this.passwords.setPostAuthenticationChecks((user) -> {
			if (!user.isEnabled()) {
				throw new DisabledException("Disabled");
			}
		});
		this.throttle = throttle;
		this.accounts = accounts;
		this.adminRoles = adminRoles;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String email = EmailAddresses.normalize(authentication.getName());
		String client = (authentication.getDetails() instanceof WebAuthenticationDetails details)
				? details.getRemoteAddress() : null;
		Instant lockedUntil = this.throttle.lockedUntil(email, client);
		if (lockedUntil != null) {
			this.audit.record(Actor.anonymous(client), "SIGN_IN_REFUSED_LOCKED", "email", email);
			this.meters.counter("novanta.signin.failures", "reason", "locked").increment();
			throw new SignInLockedException(lockedUntil);
		}
		Authentication result;
		try {
			result = this.passwords.authenticate(authentication);
		}
		catch (AuthenticationException ex) {
			boolean locked = this.throttle.recordFailure(email, client);
			this.audit.record(Actor.anonymous(client), "SIGN_IN_FAILED", "email", email);
			this.meters.counter("novanta.signin.failures", "reason", "credentials").increment();
			if (locked) {
				this.audit.record(Actor.anonymous(client), "SIGN_IN_LOCKED", "email", email);
			}
			// Disabled accounts get the same answer as a wrong password.
			throw (ex instanceof DisabledException) ? new BadCredentialsException("Bad credentials") : ex;
		}
		this.throttle.recordSuccess(email);
		CurrentAccount signedIn = (CurrentAccount) result.getPrincipal();
		Account account = this.accounts.update(signedIn.id(), new Update().set("lastSignInAt", this.clock.instant()))
			.orElseThrow();
		account = this.adminRoles.applyAdminList(account, client);
		this.audit.record(Actors.of(account, client), "SIGN_IN", "account", account.id(), null,
				java.util.Map.of("method", "password"));
		CurrentAccount principal = CurrentAccount.of(account).withoutPassword();
		UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(principal, null,
				principal.getAuthorities());
		token.setDetails(authentication.getDetails());
		return token;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
