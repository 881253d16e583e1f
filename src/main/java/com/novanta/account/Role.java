package com.novanta.account;

/** What an account may do. Every account is a participant; some are also admins. */
public enum Role {

	PARTICIPANT, ADMIN;

	public String authority() {
		return "ROLE_" + name();
	}

}
