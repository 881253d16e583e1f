package com.novanta.ballot;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the ballot form would play: complete lines only; empty lines left out, begun ones
 * named.
 */
class PlayFormTests {

	@Test
	void countsCompleteLinesAndNamesTheEmptyAndTheIncompleteOnes() {
		PlayForm form = form(List.of(1, 2, 3, 4, 5, 6), List.of(), List.of(7, 8), List.of(9, 10, 11, 12, 13, 14),
				List.of());

		assertThat(form.summary(6)).isEqualTo(new PlayForm.Summary(2, List.of(2, 5), List.of(3)));
	}

	@Test
	void aNumberTickedTwiceCountsOnceAndTooManyIsNotComplete() {
		PlayForm form = form(List.of(1, 1, 2, 3, 4, 5), List.of(1, 2, 3, 4, 5, 6, 7));

		assertThat(form.summary(6)).isEqualTo(new PlayForm.Summary(0, List.of(), List.of(1, 2)));
	}

	@Test
	void aFreshFormHasOneEmptyLineAndNothingToPay() {
		assertThat(PlayForm.fresh().summary(6)).isEqualTo(new PlayForm.Summary(0, List.of(1), List.of()));
	}

	@SafeVarargs
	private static PlayForm form(List<Integer>... lines) {
		PlayForm form = new PlayForm();
		for (List<Integer> numbers : lines) {
			PlayForm.LineForm line = new PlayForm.LineForm();
			line.setNumbers(numbers);
			form.getLines().add(line);
		}
		return form;
	}

}
