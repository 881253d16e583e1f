package com.novanta.account.internal;

import com.novanta.account.Account;
import com.novanta.account.CurrentAccount;
import com.novanta.audit.AuditLog.Actor;
import jakarta.servlet.http.HttpServletRequest;

/** Who is acting, for the audit log. */
public final class Actors {

	private Actors() {
	}

	public static Actor of(Account account, String clientAddress) {
		return new Actor(account.id(), account.email(), clientAddress);
	}

	public static Actor of(CurrentAccount account, String clientAddress) {
		return new Actor(account.id(), account.email(), clientAddress);
	}

	public static String clientAddress(HttpServletRequest request) {
		return (request != null) ? request.getRemoteAddr() : null;
	}

}
