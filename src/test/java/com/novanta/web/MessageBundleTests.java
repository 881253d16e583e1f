package com.novanta.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every string the site shows exists in every language it speaks. */
class MessageBundleTests {

	@Test
	void italianHasEveryEnglishKeyAndNoOthers() throws IOException {
		Properties english = load("/messages.properties");
		Properties italian = load("/messages_it.properties");
		assertThat(italian.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
	}

	/**
	 * Every key a template names literally ({@code #{home.jackpot}}) exists: a missing
	 * one is shown to the visitor as {@code ??home.jackpot_en??}.
	 */
	@Test
	void everyKeyATemplateNamesExists() throws IOException {
		Properties english = load("/messages.properties");
		Pattern key = Pattern.compile("#\\{([A-Za-z][\\w.]*[\\w])(?=[}(])");
		List<String> missing = new ArrayList<>();
		Path templates = Path.of("src/main/resources/templates");
		try (Stream<Path> files = Files.walk(templates)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".html")).toList()) {
				Matcher matcher = key.matcher(Files.readString(file));
				while (matcher.find()) {
					if (!english.containsKey(matcher.group(1))) {
						missing.add(templates.relativize(file) + ": " + matcher.group(1));
					}
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	/**
	 * When the games draw and what they ask for is configuration: a message that says
	 * "midnight" or "1 to 90" by itself would be wrong the day the configuration changes.
	 * Such words come from the schedule ({@code when.atMidnight}, said only of an instant
	 * at midnight) or from arguments.
	 */
	@Test
	void noMessageStatesWhatTheConfigurationHolds() throws IOException {
		Pattern fact = Pattern.compile(
				"(?i)midnight|mezzanott|1 to 90|1 a 90|\\bsix numbers|\\bsei numeri|at 20:00|alle 20:00|15 minut|\\bfive attempts");
		for (String bundle : new String[] { "/messages.properties", "/messages_it.properties" }) {
			Properties messages = load(bundle);
			assertThat(messages.stringPropertyNames()
				.stream()
				.filter((key) -> !key.equals("when.atMidnight") && !key.startsWith("game.")
						&& !key.startsWith("schedule.") && fact.matcher(messages.getProperty(key)).find())
				.sorted()
				.toList()).as(bundle).isEmpty();
		}
	}

	@Test
	void noMessageIsBlank() throws IOException {
		for (String bundle : new String[] { "/messages.properties", "/messages_it.properties" }) {
			Properties messages = load(bundle);
			assertThat(messages.stringPropertyNames())
				.allSatisfy((key) -> assertThat(messages.getProperty(key)).as(bundle + " " + key).isNotBlank());
		}
	}

	/**
	 * A message with arguments goes through {@link MessageFormat}, where a single
	 * apostrophe starts a quotation (Italian "l'accesso con {0}" would print "{0}" and
	 * lose the apostrophe): there every apostrophe must be doubled, and nowhere else.
	 */
	@Test
	void apostrophesSurviveFormatting() throws IOException {
		Pattern argument = Pattern.compile("\\{\\d");
		for (String bundle : new String[] { "/messages.properties", "/messages_it.properties" }) {
			Properties messages = load(bundle);
			for (String key : messages.stringPropertyNames()) {
				String message = messages.getProperty(key);
				if (argument.matcher(message).find()) {
					String formatted = new MessageFormat(message, Locale.ROOT).format(new Object[] { 1, 2, 3, 4, 5 });
					assertThat(formatted).as(bundle + " " + key).doesNotContainPattern("\\{\\d");
					if (message.contains(",choice,")) {
						// one branch is chosen: "nell''ultima" must come out as
						// "nell'ultima"
						String none = new MessageFormat(message, Locale.ROOT).format(new Object[] { 0, 0, 0 });
						assertThat(none).as(bundle + " " + key).doesNotContain("''");
					}
					else {
						assertThat(count(formatted, '\'')).as(bundle + " " + key)
							.isEqualTo(count(message.replace("''", "'"), '\''));
					}
				}
				else {
					assertThat(message).as(bundle + " " + key).doesNotContain("''");
				}
			}
		}
	}

	@Test
	void countsAreSaidWithPluralFormsNotWithBrackets() throws IOException {
		for (String bundle : new String[] { "/messages.properties", "/messages_it.properties" }) {
			load(bundle).forEach((key, text) -> assertThat((String) text).as("%s in %s", key, bundle)
				.doesNotContain("(s)")
				.doesNotContain("(e)")
				.doesNotContain("(i)"));
		}
		Properties english = load("/messages.properties");
		Properties italian = load("/messages_it.properties");
		assertThat(format(english, "slip.accepted", Locale.ENGLISH, 1, "D-1")).startsWith("Your ballot is in.");
		assertThat(format(english, "slip.accepted", Locale.ENGLISH, 2, "D-1")).startsWith("Your 2 ballots are in.");
		assertThat(format(italian, "ballot.result.noWin", Locale.ITALIAN, 1)).isEqualTo("Non vincente (1 indovinato)");
		assertThat(format(italian, "ballot.result.noWin", Locale.ITALIAN, 2)).isEqualTo("Non vincente (2 indovinati)");
		assertThat(format(english, "play.leftOut", Locale.ENGLISH, 1, "3"))
			.isEqualTo("Line 3 is empty: it will not be played.");
		assertThat(format(english, "play.total", Locale.ENGLISH, 1, "€1.00")).isEqualTo("1 line to play · €1.00");
		assertThat(format(italian, "play.total", Locale.ITALIAN, 3, "3,00 €")).isEqualTo("3 righe da giocare · 3,00 €");
	}

	private static String format(Properties messages, String key, Locale locale, Object... arguments) {
		return new MessageFormat(messages.getProperty(key), locale).format(arguments);
	}

	private static long count(String text, char c) {
		return text.chars().filter((ch) -> ch == c).count();
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessageBundleTests.class.getResourceAsStream(name)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
