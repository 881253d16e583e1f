package com.novanta.embedded;

import org.h2.mvstore.MVStore;

/**
 * Another process holding the embedded database file, as a second running instance would.
 * Prints "locked" once it holds the file and keeps it until its standard input closes.
 */
public final class LockHolder {

	private LockHolder() {
	}

	public static void main(String[] args) throws Exception {
		try (MVStore store = new MVStore.Builder().fileName(args[0]).open()) {
			System.out.println("locked");
			System.out.flush();
			while (System.in.read() != -1) {
				// hold the lock
			}
		}
	}

}
