package com.novanta.account.internal;

/** A visitor asked for something too often; they are told to wait. */
public class TooManyRequestsException extends RuntimeException {

	public TooManyRequestsException(String what) {
		super("Too many requests: " + what);
	}

}
