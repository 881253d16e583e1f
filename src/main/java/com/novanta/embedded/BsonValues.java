package com.novanta.embedded;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.ConcurrentModificationException;
import java.util.Map;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.BsonConstants;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the embedded H2 file stores a collection's documents: as BSON, the form they travel
 * in, behind a tag byte that H2's own {@link ObjectDataType} never writes.
 * <p>
 * The server's own collections open their maps with H2's default type, which stores a
 * document with Java serialisation: its class descriptors and those of every map, list
 * and number in it, with each document. That made a ballot slip several kilobytes on
 * disk, and reading one back (the draw reads a million, the index rebuild at start reads
 * every document) mostly Java deserialisation. BSON keeps a slip at its wire size and
 * reads back as fast as the server decodes a request.
 * <p>
 * A value stored before (without the tag) is still read with H2's type, so a file written
 * before opens as it was; each document is written as BSON the next time it changes, and
 * the whole file by a backup's compaction or a restore.
 * <p>
 * BSON keeps an instant to the millisecond, as everything that reaches the server over
 * the wire already is; only the server's own clock ({@code $currentDate}, {@code $$NOW},
 * which this application does not use) makes finer ones, which would read back truncated.
 * A document BSON cannot hold (which the server never stores, as every document reaches
 * it as BSON) would be written the old way rather than lost.
 */
final class BsonValues extends BasicDataType<Object> {

	private static final int ENCODING_ATTEMPTS = 100;

	/** Not one of {@link ObjectDataType}'s tags (all of them are below 128). */
	static final byte TAG = (byte) 0xB5;

	/**
	 * Opens the map of a collection's documents, by its name in the file (the server's
	 * {@code databases.} and the namespace): every map of documents is opened here, by
	 * the running server and by backups alike.
	 */
	static MVMap<Object, Document> documents(MVStore store, String name) {
		return store.openMap(name, new MVMap.Builder<Object, Document>().valueType(new BsonValues()));
	}

	/** As H2 does for a map opened with its defaults: one for each map. */
	private final ObjectDataType older = new ObjectDataType();

	@Override
	public int getMemory(Object value) {
		return (value instanceof Document document) ? 24 + estimate(document) : this.older.getMemory(value);
	}

	/** Roughly the heap a decoded value takes, as H2 asks, without encoding it. */
	private static int estimate(Object value) {
		if (value instanceof Map<?, ?> map) {
			int size = 48;
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				size += 32 + estimate(entry.getKey()) + estimate(entry.getValue());
			}
			return size;
		}
		if (value instanceof Collection<?> collection) {
			int size = 40;
			for (Object element : collection) {
				size += 8 + estimate(element);
			}
			return size;
		}
		if (value instanceof String string) {
			return 40 + string.length();
		}
		return 24;
	}

	@Override
	public void write(WriteBuffer buffer, Object value) {
		if (value instanceof Document document) {
			ByteBuf bson = encoded(document);
			if (bson != null) {
				try {
					buffer.put(TAG);
					buffer.put(bson.array(), bson.arrayOffset() + bson.readerIndex(), bson.readableBytes());
					return;
				}
				finally {
					bson.release();
				}
			}
		}
		this.older.write(buffer, value);
	}

	/**
	 * The document as BSON, or {@code null} for one BSON cannot hold. The server changes
	 * a stored document's top level in place, under its collection's lock, while H2 may
	 * be writing the version that holds it: an encoding that a change interrupted
	 * ({@code ConcurrentModificationException}) is started again, as H2 stores the
	 * changed document again with the change's own version anyway.
	 */
	static ByteBuf encoded(Map<String, ?> document) {
		for (int attempt = 1;; attempt++) {
			ByteBuf bson = Unpooled.buffer(256);
			try {
				BsonEncoder.encodeDocument(document, bson);
				if (bson.readableBytes() > BsonConstants.MAX_BSON_OBJECT_SIZE) {
					// more than the decoder reads back: kept the old way
					bson.release();
					return null;
				}
				return bson;
			}
			catch (ConcurrentModificationException ex) {
				bson.release();
				if (attempt == ENCODING_ATTEMPTS) {
					throw ex;
				}
			}
			catch (RuntimeException ex) {
				// a value BSON cannot hold (an unknown type, an instant out of its
				// range):
				// kept the old way rather than failing H2's write
				bson.release();
				return null;
			}
		}
	}

	@Override
	public Object read(ByteBuffer buffer) {
		if (buffer.get(buffer.position()) != TAG) {
			return this.older.read(buffer);
		}
		buffer.get();
		ByteBuf bson = Unpooled.wrappedBuffer(buffer.slice());
		Document document = BsonDecoder.decodeBson(bson);
		buffer.position(buffer.position() + bson.readerIndex());
		return document;
	}

	@Override
	public Object[] createStorage(int size) {
		return new Object[size];
	}

}
