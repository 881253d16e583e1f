package com.novanta.beacon;

/**
 * What the beacon answered does not verify: a wrong signature, a value that is not the
 * signature's hash, another round than the one asked for, or an answer that is no round
 * at all. Someone between us and the beacon may be tampering: the round must not be used.
 */
public class BeaconInvalid extends RuntimeException {

	private final long round;

	public BeaconInvalid(long round, String message) {
		super(message);
		this.round = round;
	}

	public BeaconInvalid(long round, String message, Throwable cause) {
		super(message, cause);
		this.round = round;
	}

	public long round() {
		return this.round;
	}

}
