package com.novanta.account;

import com.novanta.audit.AuditLog.Actor;
import jakarta.servlet.http.HttpServletRequest;

/** Who is acting, for the audit log. */
final class Actors {

	private Actors() {
	}

	static Actor of(Account account, String clientAddress) {
		return new Actor(account.id(), account.email(), clientAddress);
	}

	static Actor of(CurrentAccount account, String clientAddress) {
		return new Actor(account.id(), account.email(), clientAddress);
	}

	static String clientAddress(HttpServletRequest request) {
		return (request != null) ? request.getRemoteAddr() : null;
	}

}
