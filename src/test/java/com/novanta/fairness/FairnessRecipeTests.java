package com.novanta.fairness;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The draw recipe is worded once, in the messages every lottery page shows; the README's
 * copy must say the same, word for word ("picks" and "max" standing for a game's
 * numbers).
 */
class FairnessRecipeTests {

	@Test
	void theReadmeStatesTheRecipeAsThePagesDo() throws IOException {
		Properties messages = new Properties();
		try (InputStream in = getClass().getResourceAsStream("/messages.properties")) {
			messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		String readme = words(Files.readString(Path.of("README.md")));
		for (int step = 1; step <= 4; step++) {
			String message = messages.getProperty("verify.step" + step);
			String said = new MessageFormat(message, Locale.ENGLISH).format(new Object[] { "picks", "max" });
			// not the whole README in the failure: only the sentence it lacks
			assertThat(readme.contains(words(said))).as("the README says verify.step%d: %s", step, said).isTrue();
		}
	}

	/** The text with its line breaks and list markers as single spaces. */
	private static String words(String text) {
		return text.replaceAll("\\s+", " ");
	}

}
