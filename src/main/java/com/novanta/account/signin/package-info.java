/**
 * Signing in with a password (throttled per email, client and device: see
 * {@code account.internal.SignInThrottle}), remember-me tokens that can be revoked,
 * sessions that end everywhere when their account says so, and the security filter chain
 * that ties them, and the Google and Facebook sign-in of {@code account.social},
 * together.
 */
@ApplicationModule
package com.novanta.account.signin;

import org.springframework.modulith.ApplicationModule;
