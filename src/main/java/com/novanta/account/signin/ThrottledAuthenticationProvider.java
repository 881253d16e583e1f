package com.novanta.account.signin;

import java.time.Clock;
import java.util.Map;

import com.novanta.account.Account;
import com.novanta.account.CurrentAccount;
import com.novanta.account.internal.AccountRepository;
import com.novanta.account.internal.Actors;
import com.novanta.account.internal.AdminRoles;
import com.novanta.account.internal.EmailAddresses;
import com.novanta.account.internal.KnownDevices;
import com.novanta.account.internal.SignInThrottle;
import com.novanta.audit.AuditAction;
import com.novanta.audit.AuditLog.Actor;
import com.novanta.audit.AuditLog;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.data.mongodb.core.query.Criteria;
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
 * Password sign-in with throttling: an attempt is reserved before the password is checked
 * (a locked address, client or device is refused without checking anything); a failure
 * stays counted and is audited; a success starts the count again. Whatever went wrong,
 * the visitor is told the same thing, so nothing reveals whether an address is
 * registered. A hash made with weaker settings than today's is replaced on a successful
 * sign-in.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final DaoAuthenticationProvider passwords;

	private final SignInThrottle throttle;

	private final AccountRepository accounts;

	private final AdminRoles adminRoles;

	private final AuditLog audit;

	private final Clock clock;

	private final MeterRegistry meters;

	ThrottledAuthenticationProvider(AccountUserDetailsService userDetails, PasswordEncoder encoder,
			SignInThrottle throttle, AccountRepository accounts, AdminRoles adminRoles, AuditLog audit, Clock clock,
			MeterRegistry meters) {
		this.meters = meters;
		this.passwords = new DaoAuthenticationProvider(userDetails);
		this.passwords.setPasswordEncoder(encoder);
		// Check the password first, then whether the account may sign in: the answer
		// takes as long either way.
		this.passwords.setPreAuthenticationChecks((user) -> {
		});
		this.passwords.setPostAuthenticationChecks((user) -> {
			if (!user.isEnabled()) {
				throw new DisabledException("Disabled");
			}
		});
		// Rehash with today's settings, unless the password changed meanwhile.
		this.passwords.setUserDetailsPasswordService((user, newHash) -> {
			CurrentAccount account = (CurrentAccount) user;
			accounts.update(account.id(), Criteria.where("passwordHash").is(account.getPassword()),
					new Update().set("passwordHash", newHash));
			return user;
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
		String client = null;
		String device = null;
		if (authentication.getDetails() instanceof SignInDetails details) {
			client = details.getRemoteAddress();
			device = details.knownDevice(email);
		}
		else if (authentication.getDetails() instanceof WebAuthenticationDetails details) {
			client = details.getRemoteAddress();
		}
		SignInThrottle.Attempt attempt = this.throttle.reserve(email, client, device);
		if (!attempt.granted()) {
			this.audit.record(Actor.anonymous(client), AuditAction.SIGN_IN_REFUSED_LOCKED, "email", email);
			this.meters.counter("novanta.signin.failures", "reason", "locked").increment();
			throw new SignInLockedException(attempt.refusedUntil());
		}
		Authentication result;
		try {
			result = this.passwords.authenticate(authentication);
		}
		catch (AuthenticationException ex) {
			boolean locked = this.throttle.failed(attempt);
			this.audit.record(Actor.anonymous(client), AuditAction.SIGN_IN_FAILED, "email", email);
			this.meters.counter("novanta.signin.failures", "reason", "credentials").increment();
			if (locked) {
				this.audit.record(Actor.anonymous(client), AuditAction.SIGN_IN_LOCKED, "email", email);
			}
			// Disabled accounts get the same answer as a wrong password.
			throw (ex instanceof DisabledException) ? new BadCredentialsException("Bad credentials") : ex;
		}
		catch (RuntimeException ex) {
			// nothing was decided (the database failed, say): the attempt is not counted
			this.throttle.release(attempt);
			throw ex;
		}
		this.throttle.succeeded(attempt);
		CurrentAccount signedIn = (CurrentAccount) result.getPrincipal();
		Account account = this.accounts.update(signedIn.id(), new Update().set("lastSignInAt", this.clock.instant()))
			.orElseThrow();
		account = this.adminRoles.applyAdminList(account, client);
		this.audit.record(Actors.of(account, client), AuditAction.SIGN_IN, "account", account.id(), null,
				Map.of("method", (device != null) ? "password (known device)" : "password"));
		CurrentAccount principal = CurrentAccount.of(account).withoutPassword();
		UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(principal, null,
				principal.getAuthorities());
		token.setDetails(new WebAuthenticationDetails(client, null));
		return token;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	/**
	 * What the sign-in form's request tells besides the email and password: the client's
	 * address and the browser's known-device cookie.
	 */
	static final class SignInDetails extends WebAuthenticationDetails {

		private final transient KnownDevices devices;

		private final transient String deviceCookie;

		SignInDetails(HttpServletRequest request, KnownDevices devices, String deviceCookie) {
			super(request);
			this.devices = devices;
			this.deviceCookie = deviceCookie;
		}

		/** The known device the request comes from, for this address, if any. */
		String knownDevice(String email) {
			return (this.devices != null) ? this.devices.recognise(this.deviceCookie, email) : null;
		}

	}

}
