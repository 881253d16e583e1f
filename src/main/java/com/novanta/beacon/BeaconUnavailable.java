package com.novanta.beacon;

/**
 * The round cannot be had now: not published yet, the beacon unreachable or too slow, or
 * answering with an error. The draw waits and tries again; it never goes on without it.
 */
public class BeaconUnavailable extends RuntimeException {

	private final long round;

	public BeaconUnavailable(long round, String message) {
		super(message);
		this.round = round;
	}

	public BeaconUnavailable(long round, String message, Throwable cause) {
		super(message, cause);
		this.round = round;
	}

	public long round() {
		return this.round;
	}

}
