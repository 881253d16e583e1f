package com.novanta.notification;

/** Where an outbox message is. */
public enum OutboxStatus {

	/** Waiting for its next attempt. */
	PENDING,

	/** Claimed by a dispatcher that is sending it now. */
	SENDING,

	/** Accepted by the SMTP server. */
	SENT,

	/** Given up on: the server rejected it for good, or every attempt failed. */
	FAILED

}
