package com.novanta.embedded;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the embedded H2 file stores the keys of a unique index ({@code _id} and the
 * application's unique indexes): a key of strings and numbers as those values, behind a
 * tag byte that H2's own {@link ObjectDataType} never writes.
 * <p>
 * The server opens those maps with H2's default type, which stores each key (a
 * {@link KeyValue}) with Java serialisation: the class descriptors of the key, of its
 * list and of its values, about 160 bytes for a slip's id of 26 characters, for each of
 * the million-ballot file's 430,000 keys. Here such a key takes its characters and a few
 * bytes.
 * <p>
 * Keys are still ordered exactly as H2 orders them (its type compares a key it cannot
 * compare otherwise by its Java serialisation): what is read back is equal to what was
 * written, down to its serialised form ({@code IndexKeysTests}), so a map written before
 * opens and stays in order with keys of both forms in it. A key of any other value (an
 * object id, a date, a document, a missing field) is stored as before.
 */
final class IndexKeys extends BasicDataType<Object> {

	/**
	 * Not one of {@link ObjectDataType}'s tags (all below 128), nor {@link BsonValues}'.
	 */
	static final byte TAG = (byte) 0xB6;

	private static final byte STRING = 's';

	private static final byte INT = 'i';

	private static final byte LONG = 'l';

	private static final byte DOUBLE = 'd';

	private static final byte TRUE = 't';

	private static final byte FALSE = 'f';

	/** As H2 does for a map opened with its defaults: one for each map. */
	private final ObjectDataType older = new ObjectDataType();

	/**
	 * Opens a unique index's map by its name in the file, before the server opens it with
	 * its defaults (it then gets this one).
	 */
	static void open(MVStore store, String name) {
		store.openMap(name, new MVMap.Builder<Object, Object>().keyType(new IndexKeys()));
	}

	@Override
	public int compare(Object a, Object b) {
		return this.older.compare(a, b);
	}

	/**
	 * Roughly the heap a key takes, as H2 asks to size its pages. Not H2's type's figure
	 * for a key it never wrote itself: that is its running average of what it serialised,
	 * 10,000 bytes until it has serialised anything, which split the pages a key or two
	 * each.
	 */
	@Override
	public int getMemory(Object value) {
		if (value instanceof KeyValue key && compact(key)) {
			int memory = 48;
			for (Object part : key) {
				memory += 16 + ((part instanceof String string) ? 40 + 2 * string.length() : 16);
			}
			return memory;
		}
		return this.older.getMemory(value);
	}

	@Override
	public void write(WriteBuffer buffer, Object value) {
		if (value instanceof KeyValue key && compact(key)) {
			buffer.put(TAG).putVarInt(key.size());
			for (Object part : key) {
				if (part instanceof String string) {
					buffer.put(STRING).putVarInt(string.length()).putStringData(string, string.length());
				}
				else if (part instanceof Integer number) {
					buffer.put(INT).putInt(number);
				}
				else if (part instanceof Long number) {
					buffer.put(LONG).putLong(number);
				}
				else if (part instanceof Double number) {
					buffer.put(DOUBLE).putDouble(number);
				}
				else {
					buffer.put(((Boolean) part) ? TRUE : FALSE);
				}
			}
			return;
		}
		this.older.write(buffer, value);
	}

	/** Whether each of its values is one this type writes itself. */
	private static boolean compact(KeyValue key) {
		for (Object part : key) {
			if (!(part instanceof String || part instanceof Integer || part instanceof Long || part instanceof Double
					|| part instanceof Boolean)) {
				return false;
			}
		}
		return true;
	}

	@Override
	public Object read(ByteBuffer buffer) {
		if (buffer.get(buffer.position()) != TAG) {
			return this.older.read(buffer);
		}
		buffer.get();
		int size = DataUtils.readVarInt(buffer);
		List<Object> parts = new ArrayList<>(size);
		for (int i = 0; i < size; i++) {
			byte type = buffer.get();
			parts.add(switch (type) {
				case STRING -> DataUtils.readString(buffer);
				case INT -> buffer.getInt();
				case LONG -> buffer.getLong();
				case DOUBLE -> buffer.getDouble();
				case TRUE -> Boolean.TRUE;
				case FALSE -> Boolean.FALSE;
				default -> throw new IllegalStateException("Not a key part: " + type);
			});
		}
		return new KeyValue(parts);
	}

	@Override
	public Object[] createStorage(int size) {
		return new Object[size];
	}

}
