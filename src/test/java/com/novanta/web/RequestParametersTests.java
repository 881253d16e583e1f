package com.novanta.web;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestParametersTests {

	@Test
	void aPageIsFromOneAndItsOffsetCannotOverflow() {
		assertThat(RequestParameters.page(3, 20)).isEqualTo(3);
		assertThat(RequestParameters.page(0, 20)).isEqualTo(1);
		assertThat(RequestParameters.page(-5, 20)).isEqualTo(1);
		int last = RequestParameters.page(Integer.MAX_VALUE, 20);
		assertThat(last).isEqualTo(Integer.MAX_VALUE / 20);
		assertThat((long) (last - 1) * 20).isLessThan(Integer.MAX_VALUE);
	}

	@Test
	void aDateIsAnIsoDateOfOurEra() {
		assertThat(RequestParameters.date(" 2026-11-25 ")).isEqualTo(LocalDate.of(2026, 11, 25));
		assertThat(RequestParameters.date("9999-12-31")).isEqualTo(LocalDate.of(9999, 12, 31));
		assertThat(RequestParameters.date(null)).isNull();
		assertThat(RequestParameters.date("  ")).isNull();
		assertThat(RequestParameters.date("25/11/2026")).isNull();
		assertThat(RequestParameters.date("2026-02-30")).isNull();
		assertThat(RequestParameters.date("+10000-01-01")).isNull();
		assertThat(RequestParameters.date("-0001-01-01")).isNull();
		assertThat(RequestParameters.date("0000-01-01")).isNull();
	}

}
