package com.novanta.embedded;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.ByteBuf;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.DataType;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BsonValuesTests {

	private final BsonValues values = new BsonValues();

	/** A ballot slip as the application stores it, give or take. */
	private static Document slip() {
		List<Object> lines = new ArrayList<>();
		List<Object> salts = new ArrayList<>();
		for (int line = 0; line < 6; line++) {
			lines.add(new ArrayList<>(List.of(3, 17, 28, 45, 61, 88)));
			salts.add("0123456789abcdef0123456789abcdef");
		}
		return new Document("_id", new ObjectId()).append("lotteryId", "lotto-2026-12-01")
			.append("accountId", "6b0f074aadc68ed6793d1577")
			.append("slip", 1234L)
			.append("lines", lines)
			.append("salts", salts)
			.append("acceptedAt", Instant.parse("2026-12-01T18:00:00.123Z"))
			.append("signature", "x".repeat(86))
			.append("winnings", new Decimal128(12345L, 0L))
			.append("settled", false)
			.append("ratio", 0.25)
			.append("count", 7)
			.append("token", UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"))
			.append("nothing", null)
			.append("nested", new Document("a", new Document("b", List.of("c"))));
	}

	@Test
	void aDocumentReadsBackEqualAsBsonBehindItsTag() {
		Document slip = slip();
		ByteBuffer written = written(slip, this.values);

		assertThat(written.get(0)).isEqualTo(BsonValues.TAG);
		assertThat(this.values.read(written)).isEqualTo(slip);
		assertThat(written.hasRemaining()).as("exactly its own bytes read").isFalse();
	}

	@Test
	void severalDocumentsInOneBufferEachReadTheirOwn() {
		WriteBuffer buffer = new WriteBuffer();
		Document first = slip();
		Document second = new Document("_id", "b").append("n", 2L);
		this.values.write(buffer, first);
		this.values.write(buffer, second);
		ByteBuffer read = buffer.getBuffer().flip();

		assertThat(this.values.read(read)).isEqualTo(first);
		assertThat(this.values.read(read)).isEqualTo(second);
		assertThat(read.hasRemaining()).isFalse();
	}

	/** What H2's default type wrote (every file before this one) still reads. */
	@Test
	void aDocumentStoredByH2sOwnTypeStillReads() {
		Document slip = slip();
		ByteBuffer older = written(slip, new ObjectDataType());

		assertThat(older.get(0)).isNotEqualTo(BsonValues.TAG);
		assertThat(this.values.read(older)).isEqualTo(slip);
	}

	@Test
	void aSlipTakesLessThanWhatJavaSerialisationTook() {
		Document slip = slip();
		int bson = written(slip, this.values).remaining();
		int serialised = written(slip, new ObjectDataType()).remaining();

		assertThat(bson).as("BSON %d bytes, Java serialisation %d", bson, serialised).isLessThan(serialised * 2 / 3);
	}

	@Test
	void otherValuesAreStoredAsH2StoresThem() {
		ByteBuffer written = written(42L, this.values);

		assertThat(written.get(0)).isNotEqualTo(BsonValues.TAG);
		assertThat(this.values.read(written)).isEqualTo(42L);
	}

	/**
	 * A change made in place while H2 writes the document: the encoding is started again
	 * rather than failing H2's write.
	 */
	@Test
	void anEncodingThatAChangeInterruptedIsStartedAgain() {
		Map<String, Object> changing = new LinkedHashMap<>() {

			private int reads;

			@Override
			public Set<String> keySet() {
				if (this.reads++ == 0) {
					throw new ConcurrentModificationException();
				}
				return super.keySet();
			}

		};
		changing.put("_id", "a");
		changing.put("status", "SENT");

		ByteBuf bson = BsonValues.encoded(changing);

		assertThat(BsonDecoder.decodeBson(bson)).isEqualTo(new Document("_id", "a").append("status", "SENT"));
		bson.release();
	}

	/** BSON's reader refuses more than 16 MiB: such a document is kept the old way. */
	@Test
	void aDocumentTooBigForBsonIsStoredAsH2StoresIt() {
		Document big = new Document("_id", "big").append("text", "x".repeat(17 * 1024 * 1024));
		ByteBuffer written = written(big, this.values);

		assertThat(written.get(0)).isNotEqualTo(BsonValues.TAG);
		assertThat(this.values.read(written)).isEqualTo(big);
	}

	private static ByteBuffer written(Object value, DataType<Object> type) {
		WriteBuffer buffer = new WriteBuffer();
		type.write(buffer, value);
		return buffer.getBuffer().flip();
	}

}
