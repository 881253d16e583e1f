package com.novanta.account;

/** Whether an account can be used. */
public enum AccountStatus {

	/** In use. */
	ACTIVE,

	/** Turned off by an admin: cannot sign in, its sessions are ended. */
	DISABLED,

	/** Deleted by its owner: personal data removed, only the record of play remains. */
	DELETED

}
