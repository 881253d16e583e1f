package com.novanta.ballot;

import com.novanta.testing.Browser;

/** The play page, for browser tests of other modules. */
public final class PlayPages {

	private final PlayPage page;

	public PlayPages(Browser browser) {
		this.page = new PlayPage(browser);
	}

	/** Ticks numbers on a line, waiting for the server's count after each. */
	public void tick(int line, int... numbers) {
		this.page.tick(line, numbers);
	}

}
