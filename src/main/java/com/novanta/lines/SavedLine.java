package com.novanta.lines;

import java.util.List;

/**
 * A line a participant saved, as other modules see it.
 *
 * @param id its id, which stays the same as long as the line exists (what a later
 * subscription will refer to)
 * @param gameId the game whose line it is
 * @param name its name as the participant wrote it
 * @param numbers its numbers, ascending
 */
public record SavedLine(String id, String gameId, String name, List<Integer> numbers) {

	/** The numbers as they go in an address or a text field: "3,17,22,45,61,88". */
	public String numbersParam() {
		return String.join(",", this.numbers.stream().map(String::valueOf).toList());
	}

}
