package com.novanta.admin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's public reason for drawing without the beacon: trimmed, 10 to 500
 * characters, plain text, since the lottery's public page shows it as written.
 */
class BeaconOverrideReasonTests {

	@Test
	void aReasonOfTenToFiveHundredCharactersOnceTrimmedIsFine() {
		assertThat(BeaconOverride.problemWith("Beacon off")).isEmpty();
		assertThat(BeaconOverride.problemWith("  \n Beacon off \t")).isEmpty();
		assertThat(BeaconOverride.problemWith("x".repeat(BeaconOverride.MAX_REASON))).isEmpty();
		assertThat(BeaconOverride.problemWith("Two lines:\r\nthe beacon and its relays are down.")).isEmpty();
		assertThat(BeaconOverride.problemWith("Le relais sont coupés depuis 3 h & plus")).isEmpty();
	}

	@Test
	void aMissingReasonIsMissing() {
		assertThat(BeaconOverride.problemWith(null)).contains(BeaconOverride.Outcome.REASON_MISSING);
		assertThat(BeaconOverride.problemWith("")).contains(BeaconOverride.Outcome.REASON_MISSING);
		assertThat(BeaconOverride.problemWith(" \n\t\u2003")).contains(BeaconOverride.Outcome.REASON_MISSING);
	}

	@Test
	void lengthsAreCountedAfterTrimmingAndInCharactersNotCodeUnits() {
		assertThat(BeaconOverride.problemWith("   Beacon      ")).contains(BeaconOverride.Outcome.REASON_SHORT);
		assertThat(BeaconOverride.problemWith("x".repeat(BeaconOverride.MAX_REASON + 1)))
			.contains(BeaconOverride.Outcome.REASON_LONG);
		// 500 emoji are 1,000 UTF-16 code units, and 500 characters
		assertThat(BeaconOverride.problemWith("\uD83D\uDCE1".repeat(BeaconOverride.MAX_REASON))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "<script>alert(1)</script> beacon down", "The beacon is down > 2 hours",
			"The beacon\u0000 is down", "The beacon\u001b[31m is down", "The beacon \u202eis down, reversed" })
	void markupAndControlCharactersAreRefused(String reason) {
		assertThat(BeaconOverride.problemWith(reason)).contains(BeaconOverride.Outcome.REASON_MARKUP);
	}

}
