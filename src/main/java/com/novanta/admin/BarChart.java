package com.novanta.admin;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A bar chart drawn as SVG by the template (no script): bars scaled to the largest value.
 *
 * @param bars the bars, in order
 * @param max the largest value
 * @param total the sum of the values
 */
record BarChart(List<Bar> bars, long max, long total) {

	static final int HEIGHT = 120;

	static final int BAR_WIDTH = 18;

	static BarChart of(Map<LocalDate, Long> values) {
		long max = Math.max(1, values.values().stream().mapToLong(Long::longValue).max().orElse(1));
		List<Bar> bars = new ArrayList<>();
		int i = 0;
		for (Map.Entry<LocalDate, Long> entry : values.entrySet()) {
			int height = (int) Math.round((double) entry.getValue() * HEIGHT / max);
			bars.add(new Bar(entry.getKey(), entry.getValue(), i * (BAR_WIDTH + 4), HEIGHT - height, height));
			i++;
		}
		return new BarChart(bars, max, values.values().stream().mapToLong(Long::longValue).sum());
	}

	public int width() {
		return this.bars.size() * (BAR_WIDTH + 4);
	}

	/**
	 * One bar.
	 *
	 * @param date its day
	 * @param value its value
	 * @param x its left edge
	 * @param y its top edge
	 * @param height its height
	 */
	record Bar(LocalDate date, long value, int x, int y, int height) {
	}

}
