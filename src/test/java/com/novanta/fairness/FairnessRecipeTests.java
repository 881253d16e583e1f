package com.novanta.fairness;

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
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each draw recipe is worded once, in the messages a lottery's page shows for the recipe
 * it was drawn with; the README's copy of each must say the same, word for word and in
 * the same order ("picks" and "max" standing for a game's numbers), and the page must
 * list the same steps.
 */
class FairnessRecipeTests {

	/** The steps of each recipe, by their messages, in order. */
	static final Map<Integer, List<String>> RECIPES = Map.of(1,
			List.of("verify.step1", "verify.step2", "verify.step3", "verify.step4", "verify.winners"), 2,
			List.of("verify.step1", "verify.recipe2.leaf", "verify.recipe2.root", "verify.step3", "verify.step4",
					"verify.winners"),
			3, List.of("verify.step1", "verify.recipe2.leaf", "verify.recipe2.root", "verify.recipe3.beacon",
					"verify.recipe3.stream", "verify.step4", "verify.winners"));

	@Test
	void theReadmeStatesEachRecipeAsThePagesDo() throws IOException {
		Properties messages = new Properties();
		try (InputStream in = getClass().getResourceAsStream("/messages.properties")) {
			messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		String readme = Files.readString(Path.of("README.md"));
		RECIPES.forEach((recipe, steps) -> {
			String section = words(section(readme, "#### Recipe " + recipe + " "));
			int from = 0;
			for (String step : steps) {
				String message = messages.getProperty(step);
				// a message without arguments is shown as written (no MessageFormat
				// quoting)
				String said = message.contains("{")
						? new MessageFormat(message, Locale.ENGLISH).format(new Object[] { "picks", "max" }) : message;
				int at = section.indexOf(words(said), from);
				// not the whole README in the failure: only the sentence it lacks
				assertThat(at).as("the README's recipe %d says %s next: %s", recipe, step, said)
					.isGreaterThanOrEqualTo(0);
				from = at + 1;
			}
		});
	}

	@Test
	void theLotteryPageListsEachRecipesSteps() throws IOException {
		String page = Files.readString(Path.of("src/main/resources/templates/lottery/show.html"));
		assertThat(steps(page, "th:if=\"${lottery.recipe() >= 3}\"")).isEqualTo(RECIPES.get(3));
		assertThat(steps(page, "th:if=\"${lottery.recipe() == 2}\"")).isEqualTo(RECIPES.get(2));
		assertThat(steps(page, "th:if=\"${lottery.recipe() < 2}\"")).isEqualTo(RECIPES.get(1));
	}

	/** The message keys of the recipe list marked with this condition, in order. */
	private static List<String> steps(String page, String condition) {
		Matcher list = Pattern
			.compile("<ol class=\"recipe\" " + Pattern.quote(condition) + ">(.*?)</ol>", Pattern.DOTALL)
			.matcher(page);
		assertThat(list.find()).as("a recipe list %s", condition).isTrue();
		Matcher key = Pattern.compile("#\\{(verify\\.[\\w.]+?)[(}]").matcher(list.group(1));
		List<String> keys = new ArrayList<>();
		while (key.find()) {
			keys.add(key.group(1));
		}
		return keys;
	}

	/** The README from a heading to the next heading. */
	private static String section(String readme, String heading) {
		int start = readme.indexOf(heading);
		assertThat(start).as("the README has a section " + heading).isGreaterThanOrEqualTo(0);
		int end = readme.indexOf("\n#", start + heading.length());
		return readme.substring(start, (end < 0) ? readme.length() : end);
	}

	/** The text with its line breaks and list markers as single spaces. */
	private static String words(String text) {
		return text.replaceAll("\\s+", " ");
	}

}
