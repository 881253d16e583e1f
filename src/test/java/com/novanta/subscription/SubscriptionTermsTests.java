package com.novanta.subscription;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.IntStream;

import com.novanta.game.DrawSchedule;
import com.novanta.game.Game;
import com.novanta.game.PrizeTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a participant asks to subscribe to, read as valid terms or a clear message per
 * field: the game's own rules for each line, the number of draws within its range, a
 * minimum jackpot in whole euros only for a game with a jackpot.
 */
class SubscriptionTermsTests {

	static final Game DAILY = new Game("daily", "D", "Novanta 6/90", 6, 90,
			new DrawSchedule(LocalTime.MIDNIGHT, EnumSet.allOf(DayOfWeek.class), ZoneId.of("Europe/Rome")), 7, 100,
			List.of(PrizeTier.jackpot(6), PrizeTier.fixed(2, 200)), 100_000_000, 40);

	static final Game SATURDAY = new Game("saturday", "S", "Sabato 5/50", 5, 50,
			new DrawSchedule(LocalTime.of(20, 0), EnumSet.of(DayOfWeek.SATURDAY), ZoneId.of("Europe/Rome")), 14, 200,
			List.of(PrizeTier.jackpot(5), PrizeTier.fixed(2, 300)), 25_000_000, 40);

	static final Game FIXED_PRIZES = new Game("fixed", "F", "Fixed 5/40", 5, 40,
			new DrawSchedule(LocalTime.of(20, 0), EnumSet.of(DayOfWeek.MONDAY), ZoneId.of("Europe/Rome")), 14, 100,
			List.of(PrizeTier.fixed(5, 100_000), PrizeTier.fixed(2, 300)), 0, 0);

	static final List<Game> GAMES = List.of(DAILY, SATURDAY, FIXED_PRIZES);

	@Test
	void validTermsKeepEachLineInOrderAndPriceTheDraws() {
		SubscriptionTerms terms = SubscriptionTerms.of("daily", List.of("88,3,17,22,45,61", "1 2 3 4 5 6"), "fixed",
				"3", "", GAMES);
		assertThat(terms.isValid()).isTrue();
		assertThat(terms.lines()).containsExactly(List.of(3, 17, 22, 45, 61, 88), List.of(1, 2, 3, 4, 5, 6));
		assertThat(terms.draws()).isEqualTo(3);
		assertThat(terms.pricePerDraw()).isEqualTo(200);
		assertThat(terms.total()).isEqualTo(600);
		assertThat(terms.lineParams()).containsExactly("3 17 22 45 61 88", "1 2 3 4 5 6");
		assertThat(terms.minJackpot()).isNull();
	}

	@Test
	void untilStoppedHasNoNumberOfDrawsAndNoTotal() {
		SubscriptionTerms terms = SubscriptionTerms.of("saturday", List.of("1 2 3 4 50"), "open", "whatever", "",
				GAMES);
		assertThat(terms.isValid()).isTrue();
		assertThat(terms.draws()).isNull();
		assertThat(terms.total()).isNull();
		assertThat(terms.pricePerDraw()).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "1", "53", "0", "-3", "two", "3.5", "99999999999999999999", " " })
	void aNumberOfDrawsOutOfRangeIsSaidNextToIt(String draws) {
		SubscriptionTerms terms = SubscriptionTerms.of("daily", List.of("1 2 3 4 5 6"), "fixed", draws, "", GAMES);
		assertThat(terms.errors()).containsOnlyKeys("draws").containsEntry("draws", "subscriptions.draws.invalid");
	}

	@ParameterizedTest
	@ValueSource(strings = { "2", "52", " 10 " })
	void theRangeOfDrawsIsTakenWhole(String draws) {
		assertThat(SubscriptionTerms.of("daily", List.of("1 2 3 4 5 6"), "fixed", draws, "", GAMES).isValid()).isTrue();
	}

	@ParameterizedTest
	@CsvSource({ "daily,1 2 3 4 5", "daily,1 2 3 4 5 91", "daily,1 1 2 3 4 5", "saturday,1 2 3 4 5 6",
			"daily,one two three", "daily,<script>" })
	void aLineTheGameDoesNotTakeIsRefused(String game, String line) {
		SubscriptionTerms terms = SubscriptionTerms.of(game, List.of(line), "fixed", "3", "", GAMES);
		assertThat(terms.errors()).containsEntry("lines", "subscriptions.lines.invalid");
		assertThat(terms.lines()).isEmpty();
	}

	@Test
	void noLinesOrTooManyAreRefused() {
		assertThat(SubscriptionTerms.of("daily", null, "fixed", "3", "", GAMES).errors()).containsEntry("lines",
				"subscriptions.lines.none");
		assertThat(SubscriptionTerms.of("daily", List.of(" ", ""), "fixed", "3", "", GAMES).errors())
			.containsEntry("lines", "subscriptions.lines.none");
		List<String> eleven = IntStream.range(0, 11).mapToObj((i) -> "1 2 3 4 5 " + (10 + i)).toList();
		assertThat(SubscriptionTerms.of("daily", eleven, "fixed", "3", "", GAMES).errors()).containsEntry("lines",
				"subscriptions.lines.tooMany");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "weekly", "FIXED", "<b>open</b>" })
	void anUnknownKindIsRefused(String kind) {
		assertThat(SubscriptionTerms.of("daily", List.of("1 2 3 4 5 6"), kind, "3", "", GAMES).errors())
			.containsEntry("kind", "subscriptions.kind.invalid");
	}

	@Test
	void anUnknownGameIsRefused() {
		assertThat(SubscriptionTerms.of("weekly", List.of("1 2 3 4 5 6"), "fixed", "3", "", GAMES).errors())
			.containsEntry("game", "subscriptions.game.invalid");
		assertThat(SubscriptionTerms.of(null, List.of("1 2 3 4 5 6"), "fixed", "3", "", GAMES).errors())
			.containsKey("game");
	}

	@Test
	void aMinimumJackpotIsWholeEurosAboveZeroReadAsForJackpotAlerts() {
		for (String good : List.of("5000000", "5.000.000", "5,000,000", "€ 5 000 000")) {
			assertThat(SubscriptionTerms.of("daily", List.of("1 2 3 4 5 6"), "open", "", good, GAMES).minJackpot())
				.as(good)
				.isEqualTo(5_000_000L);
		}
		for (String bad : List.of("0", "-5", "5.5", "5,00", "lots", "99999999999999", "1000000001")) {
			assertThat(SubscriptionTerms.of("daily", List.of("1 2 3 4 5 6"), "open", "", bad, GAMES).errors()).as(bad)
				.containsEntry("minJackpot", "subscriptions.jackpot.invalid");
		}
	}

	@Test
	void aGameWithoutAJackpotTakesNoMinimum() {
		assertThat(SubscriptionTerms.of("fixed", List.of("1 2 3 4 5"), "open", "", "100", GAMES).errors())
			.containsEntry("minJackpot", "subscriptions.jackpot.noJackpot");
		assertThat(SubscriptionTerms.of("fixed", List.of("1 2 3 4 5"), "open", "", "", GAMES).isValid()).isTrue();
	}

	@Test
	void whatWasTypedIsKeptShortToShowAgain() {
		SubscriptionTerms terms = SubscriptionTerms.of("daily", List.of("1 2 3 4 5 6"), "fixed", "x".repeat(5000),
				"y".repeat(5000), GAMES);
		assertThat(terms.drawsText()).hasSize(20);
		assertThat(terms.minJackpotText()).hasSize(20);
	}

}
