package com.novanta.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The geometry of the frequency chart, drawn as SVG by the page: a tile per number, laid
 * out like a ticket, ten to a row, each filled from the bottom in proportion to how often
 * its number was drawn (the most drawn is full).
 *
 * @param width the chart's width, in SVG units
 * @param height the chart's height
 * @param size a tile's side
 * @param tiles the tiles, by number
 */
record FrequencyChart(int width, int height, int size, List<Tile> tiles) {

	static final int COLUMNS = 10;

	static final int SIZE = 52;

	static final int GAP = 6;

	static FrequencyChart of(NumberStatistics statistics) {
		List<NumberStatistics.NumberCount> numbers = statistics.numbers();
		int rows = (numbers.size() + COLUMNS - 1) / COLUMNS;
		int columns = Math.min(COLUMNS, numbers.size());
		List<Tile> tiles = new ArrayList<>(numbers.size());
		for (int i = 0; i < numbers.size(); i++) {
			NumberStatistics.NumberCount number = numbers.get(i);
			int fill = (statistics.mostDrawn() > 0)
					? (int) Math.round((double) SIZE * number.count() / statistics.mostDrawn()) : 0;
			Kind kind = statistics.isHot(number.number()) ? Kind.HOT
					: statistics.isCold(number.number()) ? Kind.COLD : Kind.PLAIN;
			tiles.add(new Tile(number.number(), number.count(), (i % COLUMNS) * (SIZE + GAP),
					(i / COLUMNS) * (SIZE + GAP), SIZE - fill, fill, kind));
		}
		return new FrequencyChart(columns * (SIZE + GAP) - GAP, rows * (SIZE + GAP) - GAP, SIZE, List.copyOf(tiles));
	}

	/** The middle of a tile, for centred text. */
	public int middle() {
		return this.size / 2;
	}

	/**
	 * One number's tile.
	 *
	 * @param number the number
	 * @param count how many times it was drawn
	 * @param x its left
	 * @param y its top
	 * @param fillY the top of its fill, within the tile
	 * @param fillHeight the height of its fill
	 * @param kind hot, cold or neither
	 */
	record Tile(int number, int count, int x, int y, int fillY, int fillHeight, Kind kind) {

		/** Its CSS class. */
		public String css() {
			return "tile tile-" + this.kind.name().toLowerCase(Locale.ROOT);
		}

	}

	enum Kind {

		HOT, COLD, PLAIN

	}

}
