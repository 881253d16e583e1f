package com.novanta.account.signin;

import java.time.Instant;

import org.springframework.security.core.AuthenticationException;

/** Sign-in refused because of too many failures for the address or from the client. */
class SignInLockedException extends AuthenticationException {

	private final transient Instant lockedUntil;

	SignInLockedException(Instant lockedUntil) {
		super("Too many failed sign-ins");
		this.lockedUntil = lockedUntil;
	}

	Instant lockedUntil() {
		return this.lockedUntil;
	}

}
