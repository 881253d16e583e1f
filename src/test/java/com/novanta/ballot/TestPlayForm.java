package com.novanta.ballot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.novanta.testing.Html;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The play form as a visitor without JavaScript sends it ({@code WebVisitor}): the
 * submission key read from the play page, and the lines as the form's fields.
 */
public final class TestPlayForm {

	private TestPlayForm() {
	}

	/**
	 * The submission key of the play page's form (a new one each time the page is shown:
	 * sending the form twice with it stores one slip). Fails the test when the page has
	 * none.
	 */
	public static String key(String playPage) {
		String key = Html.parse(playPage).select("#play-form input[name=key]").val();
		assertThat(key).as("the play form's key").isNotBlank();
		return key;
	}

	/**
	 * The fields the form sends: the key, then each line's numbers with the marker Spring
	 * adds for a group of checkboxes.
	 */
	public static Map<String, List<String>> fields(String key, int[]... lines) {
		Map<String, List<String>> form = new LinkedHashMap<>();
		form.put("key", List.of(key));
		for (int line = 0; line < lines.length; line++) {
			List<String> numbers = new ArrayList<>();
			for (int n : lines[line]) {
				numbers.add(String.valueOf(n));
			}
			form.put("_lines[" + line + "].numbers", List.of("on"));
			form.put("lines[" + line + "].numbers", numbers);
		}
		return form;
	}

}
