package com.novanta.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.DataType;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class IndexKeysTests {

	private final IndexKeys keys = new IndexKeys();

	@TempDir
	Path dir;

	static Stream<KeyValue> compactKeys() {
		return Stream.of(new KeyValue("daily-2027-01-01:000000001"), new KeyValue(""),
				new KeyValue("città è già — ✓ 😀"), new KeyValue("x".repeat(5000)), new KeyValue(0),
				new KeyValue(Integer.MIN_VALUE), new KeyValue(Long.MAX_VALUE), new KeyValue(-0.0),
				new KeyValue(Double.NaN), new KeyValue(1.5e300), new KeyValue(true), new KeyValue(false),
				new KeyValue("6b0f88c7045720d163fdc91d", 5, 12L, 0.25, true));
	}

	/**
	 * What is read back is the key itself, down to its Java serialisation, which H2's
	 * type orders such keys by: the order of a map does not change with the form.
	 */
	@ParameterizedTest
	@MethodSource("compactKeys")
	void aKeyOfStringsAndNumbersReadsBackTheSameBehindItsTag(KeyValue key) {
		ByteBuffer written = written(key, this.keys);

		assertThat(written.get(0)).isEqualTo(IndexKeys.TAG);
		Object read = this.keys.read(written);
		assertThat(read).isEqualTo(key);
		assertThat(serialised(read)).isEqualTo(serialised(key));
		assertThat(written.hasRemaining()).as("exactly its own bytes read").isFalse();
	}

	@Test
	void otherKeysAreStoredAsH2StoresThem() {
		for (Object key : List.of(new KeyValue(new ObjectId()), new KeyValue("a", Instant.EPOCH), "plain", 42L)) {
			ByteBuffer written = written(key, this.keys);

			assertThat(written.get(0)).isNotEqualTo(IndexKeys.TAG);
			assertThat(this.keys.read(written)).isEqualTo(key);
		}
	}

	@Test
	void aKeyStoredByH2sOwnTypeStillReads() {
		KeyValue key = new KeyValue("daily-2027-01-01:000000001");

		assertThat(this.keys.read(written(key, new ObjectDataType()))).isEqualTo(key);
	}

	@Test
	void aSlipsIdTakesAFifthOfWhatJavaSerialisationTook() {
		KeyValue key = new KeyValue("daily-2027-01-01:000000001");
		int serialised = written(key, new ObjectDataType()).remaining();
		int compact = written(key, this.keys).remaining();

		assertThat(compact).isLessThan(32);
		assertThat(serialised).isGreaterThan(5 * compact);
	}

	/** H2 sizes its pages by it: a guess of 10 KB a key made pages of a key or two. */
	@Test
	void aKeyIsSizedInMemoryAsWhatItHolds() {
		assertThat(this.keys.getMemory(new KeyValue("daily-2027-01-01:000000001"))).isBetween(60, 200);
		assertThat(this.keys.getMemory(new KeyValue(7))).isBetween(40, 120);
	}

	@Test
	void keysCompareAsH2sOwnTypeComparesThem() {
		ObjectDataType h2 = new ObjectDataType();
		List<KeyValue> all = compactKeys().toList();
		for (KeyValue a : all) {
			for (KeyValue b : all) {
				assertThat(Integer.signum(this.keys.compare(a, b))).isEqualTo(Integer.signum(h2.compare(a, b)));
			}
		}
	}

	/**
	 * A map written before (every key Java-serialised) opens with this type, takes new
	 * keys in the compact form, and finds every key of both forms, in one order.
	 */
	@Test
	void aMapWrittenBeforeOpensAndKeepsItsOrderWithKeysOfBothForms() {
		String file = this.dir.resolve("keys.mv.db").toString();
		List<KeyValue> older = new ArrayList<>();
		try (MVStore store = new MVStore.Builder().fileName(file).open()) {
			MVMap<Object, Object> map = store.openMap("t.items._index__id_");
			for (int i = 0; i < 2_000; i += 2) {
				KeyValue key = new KeyValue("item-" + i);
				older.add(key);
				map.put(key, "item-" + i);
			}
		}
		List<KeyValue> newer = new ArrayList<>();
		try (MVStore store = new MVStore.Builder().fileName(file).open()) {
			IndexKeys.open(store, "t.items._index__id_");
			MVMap<Object, Object> map = store.openMap("t.items._index__id_");
			assertThat(map.getKeyType()).isInstanceOf(IndexKeys.class);
			for (int i = 1; i < 2_000; i += 2) {
				KeyValue key = new KeyValue("item-" + i);
				newer.add(key);
				map.put(key, "item-" + i);
			}
		}
		try (MVStore store = new MVStore.Builder().fileName(file).open()) {
			IndexKeys.open(store, "t.items._index__id_");
			MVMap<Object, Object> map = store.openMap("t.items._index__id_");
			assertThat(map.sizeAsLong()).isEqualTo(2_000);
			for (KeyValue key : older) {
				assertThat(map.get(key)).isEqualTo(key.get(0));
			}
			for (KeyValue key : newer) {
				assertThat(map.get(key)).isEqualTo(key.get(0));
			}
			assertThat(map.get(new KeyValue("item-2000"))).isNull();
			List<Object> inOrder = new ArrayList<>(map.keySet());
			List<Object> sorted = new ArrayList<>(inOrder);
			sorted.sort(new ObjectDataType()::compare);
			assertThat(inOrder).isEqualTo(sorted);
		}
	}

	private static ByteBuffer written(Object value, DataType<Object> type) {
		WriteBuffer buffer = new WriteBuffer();
		type.write(buffer, value);
		return buffer.getBuffer().flip();
	}

	private static byte[] serialised(Object value) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(value);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

}
