package com.novanta.web;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.htmlunit.cssparser.dom.CSSStyleSheetImpl;
import org.htmlunit.cssparser.parser.CSSErrorHandler;
import org.htmlunit.cssparser.parser.CSSOMParser;
import org.htmlunit.cssparser.parser.CSSParseException;
import org.htmlunit.cssparser.parser.InputSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every stylesheet we serve parses as CSS without a single error or warning. A browser
 * skips what it cannot parse, or (as with one missing {@code }}) reads the rest of the
 * file as rules nested in the last one, and the page quietly looks wrong; this fails the
 * build instead, naming the line. Our stylesheets use no CSS nesting, so a rule inside a
 * rule is a mistake.
 */
class StylesheetTests {

	private static final Path STYLESHEETS = Path.of("static-assets", "css");

	@Test
	void everyStylesheetParsesWithoutAnError() throws IOException {
		List<Path> stylesheets;
		try (Stream<Path> files = Files.walk(STYLESHEETS)) {
			stylesheets = files.filter((file) -> file.toString().endsWith(".css")).sorted().toList();
		}
		assertThat(stylesheets).as("stylesheets under %s", STYLESHEETS).isNotEmpty();
		for (Path stylesheet : stylesheets) {
			Parsed parsed = parse(Files.readString(stylesheet, StandardCharsets.UTF_8));
			assertThat(parsed.problems()).as("problems in %s", stylesheet).isEmpty();
			assertThat(parsed.sheet().getCssRules().getLength()).as("rules in %s", stylesheet).isPositive();
		}
	}

	@Test
	void aRuleLeftOpenIsFoundWithItsLine() throws IOException {
		Parsed parsed = parse("""
				.audit td {
					font-size: 0.9rem;
				/* Winners' publicity */

				.win-result {
					margin: 0.5rem 0 0;
				}
				""");

		assertThat(parsed.problems()).isNotEmpty().first().asString().startsWith("line 5");
	}

	@Test
	void aPropertyValueThatIsNotCssIsFound() throws IOException {
		assertThat(parse(".ball { width: 2.6rem;; color: #12; }").problems()).isNotEmpty();
		assertThat(parse(".ball { width: 2.6rem }}").problems()).isNotEmpty();
	}

	@Test
	void whatOurStylesheetUsesIsAccepted() throws IOException {
		Parsed parsed = parse("""
				:root { --ball: clamp(2rem, 9vw, 2.6rem); }
				@media (max-width: 40rem) { .grid { grid-template-columns: repeat(9, minmax(0, 1fr)); } }
				@media (prefers-reduced-motion: reduce) { * { animation: none !important; } }
				.ball:focus-visible { outline: 3px solid var(--focus, #000); }
				""");

		assertThat(parsed.problems()).isEmpty();
		assertThat(parsed.sheet().getCssRules().getLength()).isEqualTo(4);
	}

	private static Parsed parse(String css) throws IOException {
		List<String> problems = new ArrayList<>();
		CSSOMParser parser = new CSSOMParser();
		parser.setErrorHandler(new CSSErrorHandler() {

			@Override
			public void warning(CSSParseException ex) {
				problems.add(describe(ex));
			}

			@Override
			public void error(CSSParseException ex) {
				problems.add(describe(ex));
			}

			@Override
			public void fatalError(CSSParseException ex) {
				problems.add(describe(ex));
			}

		});
		CSSStyleSheetImpl sheet = parser.parseStyleSheet(new InputSource(new StringReader(css)), null);
		return new Parsed(sheet, problems);
	}

	private static String describe(CSSParseException ex) {
		return "line " + ex.getLineNumber() + ", column " + ex.getColumnNumber() + ": " + ex.getMessage();
	}

	private record Parsed(CSSStyleSheetImpl sheet, List<String> problems) {
	}

}
