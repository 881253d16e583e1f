package com.novanta.account.signin;

import com.novanta.account.AccountStatus;
import com.novanta.account.CurrentAccount;
import com.novanta.account.internal.AccountRepository;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Loads the account behind an email address for password sign-in: an account without a
 * password (signed up through a provider) is "not found", like an unknown address.
 * Deliberately not a bean: Spring Security would make a global username and password
 * provider of a {@code UserDetailsService} bean, and a sign-in refused by
 * {@link ThrottledAuthenticationProvider} (a locked address) would then be tried again by
 * that provider, without the throttle.
 */
class AccountUserDetailsService implements UserDetailsService {

	private final AccountRepository accounts;

	AccountUserDetailsService(AccountRepository accounts) {
		this.accounts = accounts;
	}

	@Override
	public UserDetails loadUserByUsername(String email) {
		return this.accounts.findByEmail(email)
			.filter((account) -> account.status() != AccountStatus.DELETED && account.hasPassword())
			.map(CurrentAccount::of)
			.orElseThrow(() -> new UsernameNotFoundException("No account"));
	}

}
