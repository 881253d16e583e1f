package com.novanta.account;

/** A visitor asked for something too often; they are told to wait. */
class TooManyRequestsException extends RuntimeException {

	TooManyRequestsException(String what) {
		super("Too many requests: " + what);
	}

}
