/**
 * Google and Facebook sign-in: accounts created from a provider's verified email, linking
 * a provider to an existing account, and claiming an unverified account with its address.
 */
@ApplicationModule
package com.novanta.account.social;

import org.springframework.modulith.ApplicationModule;
