package com.novanta.account;

import com.novanta.account.password.CommonPasswords;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommonPasswordsTests {

	private final CommonPasswords common = CommonPasswords.load();

	@Test
	void loadsTheShippedListOfAtLeastTenThousandPasswords() {
		assertThat(this.common.size()).isGreaterThanOrEqualTo(10_000);
	}

	@Test
	void knowsTheMostCommonOnes() {
		assertThat(this.common.contains("123456")).isTrue();
		assertThat(this.common.contains("password")).isTrue();
		assertThat(this.common.contains("qwertyuiop")).isTrue();
	}

	@Test
	void comparesCaseInsensitively() {
		assertThat(this.common.contains("PassWord")).isTrue();
		assertThat(this.common.contains("QWERTYUIOP")).isTrue();
	}

	@Test
	void skipsTheCommentsAtTheTopOfTheFile() {
		assertThat(this.common.contains("# the 30,000 most common passwords, most common first, lower-cased."))
			.isFalse();
	}

	@Test
	void doesNotKnowAnUnusualPassphrase() {
		assertThat(this.common.contains("tangerine lighthouse on a tuesday")).isFalse();
	}

}
