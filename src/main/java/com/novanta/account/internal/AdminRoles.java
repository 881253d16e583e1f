package com.novanta.account.internal;

import java.util.Map;

import com.novanta.account.Account;
import com.novanta.account.Role;
import com.novanta.audit.AuditAction;
import com.novanta.audit.AuditLog.Actor;
import com.novanta.audit.AuditLog;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Makes the configured admin emails admins, once their owners have verified them. */
@Component
public class AdminRoles {

	private final AccountRepository accounts;

	private final AccountProperties properties;

	private final AuditLog audit;

	AdminRoles(AccountRepository accounts, AccountProperties properties, AuditLog audit) {
		this.accounts = accounts;
		this.properties = properties;
		this.audit = audit;
	}

	/**
	 * Grants ADMIN if the account's verified email is in the admin list and it is not an
	 * admin yet.
	 */
	public Account applyAdminList(Account account, String clientAddress) {
		if (!account.emailVerified() || account.isAdmin() || !this.properties.isAdminEmail(account.email())) {
			return account;
		}
		return this.accounts
			.update(account.id(), Criteria.where("emailVerified").is(true), new Update().addToSet("roles", Role.ADMIN))
			.map((updated) -> {
				this.audit.record(new Actor(null, "system (LOTTERY_ADMIN_EMAILS)", clientAddress),
						AuditAction.ROLE_GRANTED, "account", account.id(), Map.of("roles", account.roles()),
						Map.of("roles", updated.roles()));
				return updated;
			})
			.orElse(account);
	}

}
