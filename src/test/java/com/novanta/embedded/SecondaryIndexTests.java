package com.novanta.embedded;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The secondary index orders its keys exactly as the server's own comparator does, also
 * where it compares strings, whole numbers, doubles and instants without it, and takes a
 * document's keys as the server does, also where it takes them without its general walk.
 */
class SecondaryIndexTests {

	@Test
	void takesADocumentsKeysAsTheServerDoes() {
		SecondaryIndex<Object> index = new SecondaryIndex<>("a_b",
				List.of(new IndexKey("a", true), new IndexKey("b", false)), false);
		SecondaryIndex<Object> dotted = new SecondaryIndex<>("a.x_b",
				List.of(new IndexKey("a.x", true), new IndexKey("b", false)), false);
		List<Document> documents = List.of(new Document("a", "x").append("b", 3),
				new Document("a", 3L).append("b", 2.5f), new Document("a", Long.MAX_VALUE).append("b", -0.0),
				new Document("a", "x"), new Document("b", 1), new Document(), new Document("a", null).append("b", null),
				new Document("a", Instant.EPOCH).append("b", new Date(0)), new Document("a", true).append("b", 7),
				new Document("a", List.of(1, 2, 2)).append("b", "y"), new Document("a", List.of()).append("b", 1),
				new Document("a", new Document("x", 1)).append("b", 2),
				new Document("a", new Document("x", List.of(1, 2))).append("b", 2),
				new Document("a", List.of(new Document("x", 1), new Document("x", 2))).append("b", 2));
		for (Document document : documents) {
			for (SecondaryIndex<Object> each : List.of(index, dotted)) {
				List<List<Object>> general = new ArrayList<>();
				for (KeyValue keyValue : each.getKeyValues(document)) {
					List<Object> values = new ArrayList<>();
					keyValue.normalized().forEach(values::add);
					general.add(values);
				}
				assertThat(each.entryValues(document).stream().map(Arrays::asList).toList())
					.as("%s in %s", document, each.getName())
					.isEqualTo(general);
			}
		}
	}

	@Test
	void aDocumentKeptAtItsIdIsFoundAndRemovedByIt() {
		SecondaryIndex<Object> index = new SecondaryIndex<>("owner", List.of(new IndexKey("owner", true)), false, true);
		Document atId = new Document("_id", "s-1").append("owner", "ada");
		Document elsewhere = new Document("_id", "s-2").append("owner", "ada");
		index.add(atId, "s-1", null);
		index.add(elsewhere, "p-2", null);
		assertThat(index.getCount()).isEqualTo(2);
		assertThat(index.getPosition(atId)).isEqualTo("s-1");
		assertThat(index.getPosition(elsewhere)).isEqualTo("p-2");
		assertThat(index.getPositions(new Document("owner", "ada"))).containsExactly("p-2", "s-1");
		assertThat(index.remove(atId)).isEqualTo("s-1");
		assertThat(index.getPositions(new Document("owner", "ada"))).containsExactly("p-2");
		assertThat(index.remove(elsewhere)).isEqualTo("p-2");
		assertThat(index.getPositions(new Document("owner", "ada"))).isEmpty();
		assertThat(index.getCount()).isZero();
	}

	@Test
	void ordersValuesAsTheServersComparatorDoes() {
		List<Object> values = new ArrayList<>(List.of("", "a", "B", "b", "daily-2026-12-01-000000000042",
				"daily-2026-12-01-000000000043", "acc\u0001ffff\u0001x", "acc\u0001fffe\u0001y", "é", "\uffff",
				"\ud83c\udfb2", 0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 0L, 1L, -1L, Long.MAX_VALUE,
				Long.MAX_VALUE - 1, Long.MIN_VALUE, 1L << 40, (1L << 40) + 1, Instant.EPOCH,
				Instant.parse("2026-12-01T23:00:00Z"), Instant.parse("2026-12-01T23:00:00.000000001Z"), 1.5, true,
				false, 0.0, -0.0, 1.0, -1.0, 2.5, 1e300, -1e300, Double.MIN_VALUE, Double.POSITIVE_INFINITY,
				Double.NEGATIVE_INFINITY, Double.NaN, (double) (1L << 40), 9.007199254740993E15));
		for (Object a : values) {
			for (Object b : values) {
				assertThat(Integer.signum(SecondaryIndex.compareValues(a, b)))
					.as("%s (%s) against %s (%s)", a, a.getClass().getSimpleName(), b, b.getClass().getSimpleName())
					.isEqualTo(Integer.signum(ValueComparator.asc().compare(a, b)));
			}
		}
	}

}
