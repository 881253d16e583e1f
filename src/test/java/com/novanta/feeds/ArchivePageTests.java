package com.novanta.feeds;

import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The archive's paging parameters: bounds, defaults, and a message for each bad one. */
class ArchivePageTests {

	@Test
	void withoutParametersItIsTheFirstPageOfTwenty() {
		ArchivePage page = ArchivePage.of(null, null);
		assertThat(page.isValid()).isTrue();
		assertThat(page.page()).isEqualTo(1);
		assertThat(page.size()).isEqualTo(20);
		assertThat(page.offset()).isZero();
	}

	@Test
	void aPageSkipsThePagesBeforeIt() {
		ArchivePage page = ArchivePage.of(" 3 ", "50");
		assertThat(page.isValid()).isTrue();
		assertThat(page.offset()).isEqualTo(100);
		assertThat(page.pages(0)).isEqualTo(1);
		assertThat(page.pages(100)).isEqualTo(2);
		assertThat(page.pages(101)).isEqualTo(3);
	}

	@Test
	void theBoundsThemselvesAreFine() {
		assertThat(ArchivePage.of("1", "1").isValid()).isTrue();
		ArchivePage last = ArchivePage.of(String.valueOf(ArchivePage.MAX_PAGE), String.valueOf(ArchivePage.MAX_SIZE));
		assertThat(last.isValid()).isTrue();
		assertThat(last.offset()).isEqualTo((ArchivePage.MAX_PAGE - 1) * ArchivePage.MAX_SIZE);
	}

	@ParameterizedTest(name = "page \"{0}\", size \"{1}\"")
	@CsvSource(delimiter = '|', nullValues = "null",
			value = { "0|null|page", "-1|null|page", "two|null|page", "1.5|null|page", "''|null|page",
					"99999999999999999999|null|page", "50001|null|page", "null|0|size", "null|101|size",
					"null|ten|size", "null|-5|size", "null|2147483648|size" })
	void aBadValueIsRefusedWithAMessageForItsParameter(String page, String size, String bad) {
		ArchivePage asked = ArchivePage.of(page, size);
		assertThat(asked.isValid()).isFalse();
		assertThat(asked.errors()).containsOnlyKeys(bad);
		assertThat(asked.errors().get(bad)).isEqualTo("feeds.api." + bad + ".invalid");
		assertThat(FeedFixtures.MESSAGES.getMessage(asked.errors().get(bad),
				new Object[] { ArchivePage.MAX_PAGE, ArchivePage.MAX_SIZE }, Locale.ENGLISH))
			.isIn("The page is a whole number from 1 to 50,000.", "The size is a whole number from 1 to 100.");
	}

	@Test
	void bothBadAreBothSaid() {
		assertThat(ArchivePage.of("x", "y").errors()).containsOnlyKeys("page", "size");
	}

}
