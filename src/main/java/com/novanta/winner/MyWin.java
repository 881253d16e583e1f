package com.novanta.winner;

/**
 * One of the participant's wins on their page.
 *
 * @param win the win
 */
record MyWin(Winner win) {

	/** An id for the page: a winner's id holds characters that CSS selectors cannot. */
	public String anchor() {
		return "win-" + this.win.id().replaceAll("[^A-Za-z0-9_-]", "-");
	}

}
