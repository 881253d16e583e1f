package com.novanta.account;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads the account behind an email address for password sign-in and remember-me. */
@Component
class AccountUserDetailsService implements UserDetailsService {

	private final AccountRepository accounts;

	AccountUserDetailsService(AccountRepository accounts) {
		this.accounts = accounts;
	}

	@Override
	public UserDetails loadUserByUsername(String email) {
		return this.accounts.findByEmail(email)
			.filter((account) -> account.status() != AccountStatus.DELETED)
			.map(CurrentAccount::of)
			.orElseThrow(() -> new UsernameNotFoundException("No account"));
	}

}
