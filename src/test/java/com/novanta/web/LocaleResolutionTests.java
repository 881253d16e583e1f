package com.novanta.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.LocaleResolver;

import static org.assertj.core.api.Assertions.assertThat;

/** The language comes from the browser; its region stays, for dates and numbers. */
class LocaleResolutionTests {

	private final LocaleResolver resolver = new WebConfiguration().localeResolver();

	@Test
	void aBritishVisitorReadsEnglishWithBritishDates() {
		Locale locale = resolve("en-GB", "en");
		assertThat(locale.getLanguage()).isEqualTo("en");
		assertThat(DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT)
			.withLocale(locale)
			.format(LocalDate.of(2026, 11, 25))).isEqualTo("25/11/2026");
	}

	@Test
	void aSwissItalianVisitorReadsItalian() {
		assertThat(resolve("it-CH", "de-CH")).isEqualTo(new Locale("it", "CH"));
	}

	@Test
	void anUnsupportedLanguageIsSkippedForTheNextOne() {
		assertThat(resolve("de-DE", "it-IT")).isEqualTo(Locale.ITALY);
		assertThat(resolve("de-DE", "fr-FR")).isEqualTo(Locale.ENGLISH);
	}

	private Locale resolve(String... languages) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		// each one added goes before the others
		for (int i = languages.length - 1; i >= 0; i--) {
			request.addPreferredLocale(Locale.forLanguageTag(languages[i]));
		}
		return this.resolver.resolveLocale(request);
	}

}
