/**
 * Sign-up and email verification: the sign-up form, the account it creates (unverified,
 * unable to play) and the emailed link that verifies it, which also binds the account by
 * the responsible play choices kept from a deleted account with the same email.
 */
@ApplicationModule
package com.novanta.account.signup;

import org.springframework.modulith.ApplicationModule;
