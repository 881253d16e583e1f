package com.novanta.embedded;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.mongo.backend.ValueComparator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The secondary index orders its keys exactly as the server's own comparator does, also
 * where it compares strings, whole numbers and instants without it.
 */
class SecondaryIndexTests {

	@Test
	void ordersValuesAsTheServersComparatorDoes() {
		List<Object> values = new ArrayList<>(
				List.of("", "a", "B", "b", "daily-2026-12-01-000000000042", "daily-2026-12-01-000000000043",
						"acc\u0001ffff\u0001x", "acc\u0001fffe\u0001y", "é", "\uffff", "\ud83c\udfb2", 0, 1, -1,
						Integer.MAX_VALUE, Integer.MIN_VALUE, 0L, 1L, -1L, Long.MAX_VALUE, Long.MAX_VALUE - 1,
						Long.MIN_VALUE, 1L << 40, (1L << 40) + 1, Instant.EPOCH, Instant.parse("2026-12-01T23:00:00Z"),
						Instant.parse("2026-12-01T23:00:00.000000001Z"), 1.5, true, false));
		for (Object a : values) {
			for (Object b : values) {
				assertThat(Integer.signum(SecondaryIndex.compareValues(a, b)))
					.as("%s (%s) against %s (%s)", a, a.getClass().getSimpleName(), b, b.getClass().getSimpleName())
					.isEqualTo(Integer.signum(ValueComparator.asc().compare(a, b)));
			}
		}
	}

}
