package com.novanta.feeds;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A page of a game's archive as asked for in the address: {@code page} from 1 and
 * {@code size} from 1 to {@value #MAX_SIZE}, {@value #DEFAULT_SIZE} when not given. Bad
 * values give one message key per parameter, never a page the caller did not ask for.
 *
 * @param page the page, from 1
 * @param size how many draws a page holds
 * @param errors message keys by parameter; empty when valid
 */
record ArchivePage(int page, int size, Map<String, String> errors) {

	static final int DEFAULT_SIZE = 20;

	static final int MAX_SIZE = 100;

	/**
	 * The last page anyone may ask for, whatever the size: far past any archive (a
	 * century of a daily game at a draw a page), and the database never skips further.
	 */
	static final int MAX_PAGE = 50_000;

	private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");

	static ArchivePage of(String page, String size) {
		Map<String, String> errors = new LinkedHashMap<>();
		int pageNumber = parse(page, 1, 1, MAX_PAGE, "page", errors);
		int pageSize = parse(size, DEFAULT_SIZE, 1, MAX_SIZE, "size", errors);
		return new ArchivePage(pageNumber, pageSize, Map.copyOf(errors));
	}

	private static int parse(String value, int fallback, int min, int max, String name, Map<String, String> errors) {
		if (value == null) {
			return fallback;
		}
		String trimmed = value.strip();
		if (!DIGITS.matcher(trimmed).matches()) {
			errors.put(name, "feeds.api." + name + ".invalid");
			return fallback;
		}
		int number = Integer.parseInt(trimmed);
		if (number < min || number > max) {
			errors.put(name, "feeds.api." + name + ".invalid");
			return fallback;
		}
		return number;
	}

	boolean isValid() {
		return this.errors.isEmpty();
	}

	/** How many draws come before this page. */
	int offset() {
		return (this.page - 1) * this.size;
	}

	/** How many pages {@code total} draws make (at least one, empty). */
	int pages(long total) {
		return (int) Math.max(1, (total + this.size - 1) / this.size);
	}

}
