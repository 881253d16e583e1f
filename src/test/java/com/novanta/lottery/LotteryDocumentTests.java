package com.novanta.lottery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class LotteryDocumentTests {

	private static final Instant CLOSE = Instant.parse("2026-12-01T23:00:00Z");

	@ParameterizedTest
	@EnumSource(value = LotteryStatus.class, names = { "OPEN", "CLOSED" })
	void theViewHasNoSeedBeforeTheDrawEvenIfTheDocumentHeldOne(LotteryStatus status) {
		assertThat(stored(status, "5eed").view().seed()).isNull();
	}

	@ParameterizedTest
	@EnumSource(value = LotteryStatus.class, names = { "DRAWN", "SETTLED", "NOTIFIED" })
	void theViewRevealsTheSeedOnceDrawn(LotteryStatus status) {
		assertThat(stored(status, "5eed").view().seed()).isEqualTo("5eed");
	}

	@Test
	void theViewKeepsWhatTheOtherModulesRead() {
		Lottery view = stored(LotteryStatus.DRAWN, "5eed").view();
		assertThat(view).isEqualTo(
				new Lottery("daily-2026-12-02", "daily", LocalDate.of(2026, 12, 2), CLOSE, LotteryStatus.DRAWN, "c0", 3,
						5, 5L, "d1", CLOSE.plusSeconds(1), "5eed", List.of(1, 2, 3, 4, 5, 6), List.of(6, 5, 4, 3, 2, 1),
						CLOSE.plusSeconds(2), Map.of("daily-2026-12-01", 7L), null, 2, null, CLOSE.plusSeconds(1)));
	}

	private static LotteryDocument stored(LotteryStatus status, String seed) {
		return new LotteryDocument("daily-2026-12-02", "daily", LocalDate.of(2026, 12, 2), CLOSE, status, "c0", 3, 5,
				5L, "d1", CLOSE.plusSeconds(1), seed, List.of(1, 2, 3, 4, 5, 6), List.of(6, 5, 4, 3, 2, 1),
				CLOSE.plusSeconds(2), Map.of("daily-2026-12-01", 7L), null, null, null, "draw-1:run",
				CLOSE.plusSeconds(60), CLOSE.minusSeconds(86_400), 2, null, CLOSE.plusSeconds(1));
	}

}
