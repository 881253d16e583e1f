/**
 * The account page: name, city, language and time zone, email choices and unsubscribing,
 * a new password, linked providers, the responsible play section (the rules are in
 * {@code responsibleplay}), signing out everywhere and deleting the account.
 */
@ApplicationModule
package com.novanta.account.profile;

import org.springframework.modulith.ApplicationModule;
