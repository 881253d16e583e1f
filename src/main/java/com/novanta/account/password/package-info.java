/**
 * Passwords: the policy (length, common passwords, not the email), the forgotten password
 * request (queued and rate-limited, never saying whether an account exists) and the reset
 * through an emailed link.
 */
@ApplicationModule
package com.novanta.account.password;

import org.springframework.modulith.ApplicationModule;
