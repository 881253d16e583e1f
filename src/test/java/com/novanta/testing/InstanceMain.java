package com.novanta.testing;

import java.time.Instant;

/**
 * The application as a process of its own, for the tests that kill it: on the database
 * and SMTP server given, with its clock stopped at the instant given.
 * {@code InstanceMain <mongo uri> <smtp port> <instant>}
 */
public final class InstanceMain {

	private InstanceMain() {
	}

	public static void main(String[] args) {
		MutableClock clock = new MutableClock();
		clock.freezeAt(Instant.parse(args[2]));
		AppInstance.start(args[0], Integer.parseInt(args[1]), clock);
	}

}
