package com.novanta.embedded;

import java.time.Instant;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * A non-unique (optionally compound) index for the embedded database, which otherwise
 * ignores such indexes and scans whole collections. It lives in memory and is rebuilt
 * from the documents when the database opens.
 *
 * <p>
 * It serves queries that pin a prefix of its keys by equality, optionally followed by a
 * range ({@code $gt}, {@code $gte}, {@code $lt}, {@code $lte}) or a list of values
 * ({@code $in}: a range of each, one after the other) on the next key; the server applies
 * the whole query to the documents it returns, so it only has to return a superset of the
 * matches. Positions come back in key order, so a query without a sort streams and stops
 * at its limit.
 */
final class SecondaryIndex<P> extends Index<P> {

	/** The most values of an {@code $in} it serves; a longer list is scanned for. */
	static final int MAX_IN = 1000;

	private static final Object MIN = new Object();

	private static final Object MAX = new Object();

	private static final Comparator<Object> VALUES = ValueComparator.asc();

	/** Replaced only by a build, while its collection's lock keeps everyone else out. */
	private volatile ConcurrentSkipListMap<Entry, Boolean> entries = new ConcurrentSkipListMap<>(
			SecondaryIndex::compare);

	/**
	 * Where each document is, by its id: only those whose position is not their id, when
	 * positions are ids (the file's collections, keyed by {@code _id}), so that a million
	 * slips do not also need a million entries here.
	 */
	private final Map<Object, P> positionsById = new ConcurrentHashMap<>();

	/** Whether a document's position is its {@code _id} as stored (the file's). */
	private final boolean positionsAreIds;

	private final LongAdder count = new LongAdder();

	/** Built later with its collection's other indexes, in one pass (a reopened file). */
	private volatile boolean deferred;

	/** Its build failed: it serves no query, and the server scans instead. */
	private volatile boolean failed;

	SecondaryIndex(String name, List<IndexKey> keys, boolean sparse) {
		this(name, keys, sparse, false);
	}

	/**
	 * @param positionsAreIds whether the collection keeps a document at its {@code _id}
	 * as stored, as the file's collections do (the in-memory ones number them)
	 */
	SecondaryIndex(String name, List<IndexKey> keys, boolean sparse, boolean positionsAreIds) {
		super(name, keys, sparse);
		this.positionsAreIds = positionsAreIds;
	}

	/** Not to be built by the server when added; whoever defers it builds it. */
	void defer() {
		this.deferred = true;
	}

	void built() {
		this.deferred = false;
	}

	/** Its build failed: from now on the server scans the collection instead. */
	void failed() {
		this.failed = true;
		this.deferred = false;
	}

	/** The server builds an index it adds only if it is empty. */
	@Override
	public boolean isEmpty() {
		return !this.deferred && super.isEmpty();
	}

	@Override
	public P getPosition(Document document) {
		P position = this.positionsById.isEmpty() ? null : this.positionsById.get(idOf(document));
		return (position != null) ? position : ownId(document);
	}

	/**
	 * The document's own id as its position, where positions are ids; {@code null}
	 * otherwise. The server asks for the position only of a document its collection holds
	 * (to update or remove it), so the id is where it is.
	 */
	@SuppressWarnings("unchecked")
	private P ownId(Document document) {
		return this.positionsAreIds ? (P) document.get("_id") : null;
	}

	/** Keeps where a document is, unless that is its own id. */
	private void placed(Document document, P position) {
		this.count.increment();
		if (!this.positionsAreIds || !position.equals(document.get("_id"))) {
			this.positionsById.put(idOf(document), position);
		}
	}

	@Override
	public void checkAdd(Document document, MongoCollection<P> collection) {
		// not unique: anything goes
	}

	@Override
	public synchronized void add(Document document, P position, MongoCollection<P> collection) {
		placed(document, position);
		for (Object[] values : entryValues(document)) {
			this.entries.put(new Entry(values, position), Boolean.TRUE);
		}
	}

	/**
	 * A build of it from every document of its collection at once (a reopened file): the
	 * collection hands each document to it, then the entries are sorted in one go and the
	 * skip list is made from them in order, which takes far fewer comparisons than
	 * inserting them one by one.
	 */
	Build build() {
		return new Build();
	}

	final class Build {

		private final List<Entry> entries = new ArrayList<>();

		private Build() {
		}

		void add(Document document, P position) {
			placed(document, position);
			for (Object[] values : entryValues(document)) {
				this.entries.add(new Entry(values, position));
			}
		}

		/** Makes the index of what was added. */
		void finish() {
			this.entries.sort(SecondaryIndex::compare);
			ConcurrentSkipListMap<Entry, Boolean> built = new ConcurrentSkipListMap<>(
					new SortedKeys<>(this.entries, SecondaryIndex::compare));
			synchronized (SecondaryIndex.this) {
				built.putAll(SecondaryIndex.this.entries);
				SecondaryIndex.this.entries = built;
			}
		}

	}

	@Override
	public synchronized P remove(Document document) {
		P position = this.positionsById.isEmpty() ? null : this.positionsById.remove(idOf(document));
		if (position == null) {
			position = ownId(document);
		}
		if (position != null) {
			this.count.decrement();
			for (Object[] values : entryValues(document)) {
				this.entries.remove(new Entry(values, position));
			}
		}
		return position;
	}

	@Override
	public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
		// not unique: anything goes
	}

	@Override
	public synchronized void updateInPlace(Document oldDocument, Document newDocument, P position,
			MongoCollection<P> collection) {
		List<Object[]> before = entryValues(oldDocument);
		List<Object[]> after = entryValues(newDocument);
		if (same(before, after)) {
			return;
		}
		for (Object[] values : before) {
			this.entries.remove(new Entry(values, position));
		}
		for (Object[] values : after) {
			this.entries.put(new Entry(values, position), Boolean.TRUE);
		}
	}

	private static boolean same(List<Object[]> a, List<Object[]> b) {
		if (a.size() != b.size()) {
			return false;
		}
		for (int i = 0; i < a.size(); i++) {
			if (!Arrays.equals(a.get(i), b.get(i))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The document's keys in this index (one array of values each), normalised as the
	 * server compares them: as the server's {@link #getKeyValues} gives them, which walks
	 * paths and lists for every key, but at once where every key is a field of the
	 * document's own holding no list or sub-document (nearly every document; building a
	 * file's indexes spent a fifth of its time in the general way).
	 */
	List<Object[]> entryValues(Document document) {
		List<String> keys = keys();
		Object[] values = new Object[keys.size()];
		for (int i = 0; i < values.length; i++) {
			String key = keys.get(i);
			Object value = document.get(key);
			if (key.indexOf('.') >= 0 || value instanceof Collection<?> || value instanceof Map<?, ?>) {
				List<Object[]> general = new ArrayList<>();
				for (KeyValue keyValue : getKeyValues(document)) {
					KeyValue normalized = keyValue.normalized();
					Object[] each = new Object[normalized.size()];
					for (int k = 0; k < each.length; k++) {
						each[k] = normalized.get(k);
					}
					general.add(each);
				}
				return general;
			}
			values[i] = normalize(value);
		}
		return List.<Object[]>of(values);
	}

	/**
	 * Not before it is built (a reader outside the collection's lock scans instead), nor
	 * after its build failed.
	 */
	@Override
	public boolean canHandle(Document query) {
		return !this.deferred && !this.failed && !bounds(query).isEmpty();
	}

	/**
	 * The positions in key order, found lazily: a query with a limit and no sort reads
	 * only as many entries as it returns.
	 */
	@Override
	public Iterable<P> getPositions(Document query) {
		List<Bounds> ranges = bounds(query);
		if (ranges.size() == 1) {
			return positions(ranges.get(0));
		}
		// $in: its values' ranges one after the other, each in key order, the values in
		// order; a document whose array holds two of the values is in two of them
		return () -> {
			Set<Object> seen = new HashSet<>();
			return ranges.stream()
				.flatMap((bounds) -> stream(positions(bounds)))
				.filter((position) -> seen.add(position))
				.iterator();
		};
	}

	/**
	 * How many entries a query would read here, counted up to {@code cap}: what the
	 * collection compares indexes by ({@link IndexChoice}).
	 */
	int estimate(Document query, int cap) {
		int count = 0;
		for (Bounds bounds : bounds(query)) {
			Iterator<P> positions = positions(bounds).iterator();
			while (count < cap && positions.hasNext()) {
				positions.next();
				count++;
			}
		}
		return count;
	}

	private static <T> Stream<T> stream(Iterable<T> iterable) {
		return StreamSupport.stream(iterable.spliterator(), false);
	}

	private Iterable<P> positions(Bounds bounds) {
		int size = keys().size();
		Object[] low = new Object[size];
		for (int i = 0; i < size; i++) {
			low[i] = (i < bounds.equal().size()) ? bounds.equal().get(i)
					: (i == bounds.equal().size() && bounds.low() != null) ? bounds.low() : MIN;
		}
		Entry start = new Entry(low, MIN);
		return () -> new Iterator<P>() {

			private final Iterator<Entry> entries = SecondaryIndex.this.entries.tailMap(start, true)
				.keySet()
				.iterator();

			private P next;

			private boolean done;

			@Override
			public boolean hasNext() {
				while (this.next == null && !this.done) {
					if (!this.entries.hasNext()) {
						this.done = true;
						break;
					}
					Entry entry = this.entries.next();
					if (withinBounds(entry.values(), bounds)) {
						@SuppressWarnings("unchecked")
						P position = (P) entry.position();
						this.next = position;
					}
					else if (beyondBounds(entry.values(), bounds)) {
						this.done = true;
					}
				}
				return this.next != null;
			}

			@Override
			public P next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				P position = this.next;
				this.next = null;
				return position;
			}

		};
	}

	@Override
	public long getCount() {
		return this.count.sum();
	}

	@Override
	public long getDataSize() {
		return 0;
	}

	@Override
	public void drop() {
		this.entries.clear();
		this.positionsById.clear();
		this.count.reset();
	}

	@Override
	public boolean isUnique() {
		return false;
	}

	private static boolean withinBounds(Object[] values, Bounds bounds) {
		int prefix = bounds.equal().size();
		for (int i = 0; i < prefix; i++) {
			if (VALUES.compare(values[i], bounds.equal().get(i)) != 0) {
				return false;
			}
		}
		if (prefix < values.length) {
			Object value = values[prefix];
			if (bounds.low() != null) {
				int c = VALUES.compare(value, bounds.low());
				if (c < 0 || (c == 0 && !bounds.lowInclusive())) {
					return false;
				}
			}
			if (bounds.high() != null) {
				int c = VALUES.compare(value, bounds.high());
				if (c > 0 || (c == 0 && !bounds.highInclusive())) {
					return false;
				}
			}
		}
		return true;
	}

	/**
	 * Entries are sorted, so once past the equality prefix or the upper bound nothing
	 * more can match.
	 */
	private static boolean beyondBounds(Object[] values, Bounds bounds) {
		int prefix = bounds.equal().size();
		for (int i = 0; i < prefix; i++) {
			int c = VALUES.compare(values[i], bounds.equal().get(i));
			if (c != 0) {
				return c > 0;
			}
		}
		if (prefix < values.length && bounds.high() != null) {
			int c = VALUES.compare(values[prefix], bounds.high());
			return c > 0 || (c == 0 && !bounds.highInclusive());
		}
		return false;
	}

	/**
	 * What of the query this index can use: one range, or one a value of an {@code $in}
	 * (in the values' order, none twice); none if nothing.
	 */
	private List<Bounds> bounds(Document query) {
		query = QueryShapes.conjunction(query);
		List<Object> equal = new ArrayList<>();
		for (String key : keys()) {
			if (!query.containsKey(key)) {
				break;
			}
			Object value = query.get(key);
			if (isPlain(value)) {
				equal.add(normalize(value));
				continue;
			}
			if (value instanceof Document condition && !condition.isEmpty()) {
				Bounds range = range(equal, condition);
				if (range != null) {
					return List.of(range);
				}
				List<Bounds> each = each(equal, condition);
				if (each != null) {
					return each;
				}
			}
			break;
		}
		return equal.isEmpty() ? List.of() : List.of(new Bounds(equal, null, false, null, false));
	}

	/**
	 * An {@code $in} of plain values, alone: the equality prefix followed by each value,
	 * or {@code null}.
	 */
	private static List<Bounds> each(List<Object> equal, Document condition) {
		if (condition.size() != 1 || !(condition.get("$in") instanceof Collection<?> values) || values.isEmpty()
				|| values.size() > MAX_IN) {
			return null;
		}
		TreeSet<Object> distinct = new TreeSet<>(SecondaryIndex::compareValues);
		for (Object value : values) {
			if (!isPlain(value)) {
				return null;
			}
			distinct.add(normalize(value));
		}
		List<Bounds> each = new ArrayList<>(distinct.size());
		for (Object value : distinct) {
			List<Object> prefix = new ArrayList<>(equal);
			prefix.add(value);
			each.add(new Bounds(prefix, null, false, null, false));
		}
		return each;
	}

	private static Bounds range(List<Object> equal, Document condition) {
		Object low = null;
		Object high = null;
		boolean lowInclusive = false;
		boolean highInclusive = false;
		for (Map.Entry<String, Object> part : condition.entrySet()) {
			Object bound = part.getValue();
			if (!isPlain(bound)) {
				return null;
			}
			switch (part.getKey()) {
				case "$gt" -> low = normalize(bound);
				case "$gte" -> {
					low = normalize(bound);
					lowInclusive = true;
				}
				case "$lt" -> high = normalize(bound);
				case "$lte" -> {
					high = normalize(bound);
					highInclusive = true;
				}
				default -> {
					return null;
				}
			}
		}
		return new Bounds(equal, low, lowInclusive, high, highInclusive);
	}

	/** A value compared by equality: not null, not a sub-document, list or pattern. */
	private static boolean isPlain(Object value) {
		return value instanceof String || value instanceof Number || value instanceof Boolean || value instanceof Date
				|| value instanceof Instant || value instanceof ObjectId;
	}

	/**
	 * A value as the server compares it: numbers as doubles (but longs a double cannot
	 * hold), sub-documents and lists with their values so; the rest, as most keys are
	 * (strings, instants, booleans, ids), as they are.
	 */
	private static Object normalize(Object value) {
		if (value == null || value instanceof String || value instanceof Instant || value instanceof Boolean
				|| value instanceof ObjectId) {
			return value;
		}
		return new KeyValue(value).normalized().get(0);
	}

	private static Object idOf(Document document) {
		return normalize(document.get("_id"));
	}

	private static int compare(Entry a, Entry b) {
		Object[] left = a.values();
		Object[] right = b.values();
		int size = Math.min(left.length, right.length);
		for (int i = 0; i < size; i++) {
			int c = compareValues(left[i], right[i]);
			if (c != 0) {
				return c;
			}
		}
		return compareValues(a.position(), b.position());
	}

	static int compareValues(Object a, Object b) {
		if (a == b) {
			return 0;
		}
		if (a == MIN || b == MAX) {
			return -1;
		}
		if (a == MAX || b == MIN) {
			return 1;
		}
		// What nearly every comparison compares (slip ids, order keys, counts, instants),
		// the way the server's comparator ends up comparing them, without its type
		// dispatch first: most of building a file's indexes when it opens was that
		if (a instanceof String left && b instanceof String right) {
			return left.compareTo(right);
		}
		if (isInteger(a) && isInteger(b)) {
			return Long.compare(((Number) a).longValue(), ((Number) b).longValue());
		}
		if (a instanceof Instant left && b instanceof Instant right) {
			return left.compareTo(right);
		}
		// numbers are normalised to doubles (those a double cannot hold stay longs)
		if (a instanceof Double left && b instanceof Double right && !left.isNaN() && !right.isNaN()) {
			// as numbers: -0.0 and 0.0 are equal
			return (left < right) ? -1 : ((left > right) ? 1 : 0);
		}
		return VALUES.compare(a, b);
	}

	private static boolean isInteger(Object value) {
		return value instanceof Long || value instanceof Integer;
	}

	private record Entry(Object[] values, Object position) {

		@Override
		public boolean equals(Object other) {
			return other instanceof Entry entry && compare(this, entry) == 0;
		}

		@Override
		public int hashCode() {
			return this.position.hashCode();
		}

	}

	/**
	 * Sorted keys as the sorted map a skip list is made from in order (it asks for
	 * nothing but their comparator and their entries in order); equal neighbours are left
	 * out, as a map holds a key once.
	 */
	private static final class SortedKeys<K> extends AbstractMap<K, Boolean> implements SortedMap<K, Boolean> {

		private final List<K> sorted;

		private final Comparator<? super K> order;

		SortedKeys(List<K> sorted, Comparator<? super K> order) {
			this.sorted = sorted;
			this.order = order;
		}

		@Override
		public Comparator<? super K> comparator() {
			return this.order;
		}

		@Override
		public Set<Map.Entry<K, Boolean>> entrySet() {
			return new AbstractSet<>() {

				@Override
				public Iterator<Map.Entry<K, Boolean>> iterator() {
					return new Iterator<>() {

						private int next;

						@Override
						public boolean hasNext() {
							return this.next < SortedKeys.this.sorted.size();
						}

						@Override
						public Map.Entry<K, Boolean> next() {
							if (!hasNext()) {
								throw new NoSuchElementException();
							}
							K key = SortedKeys.this.sorted.get(this.next++);
							while (this.next < SortedKeys.this.sorted.size()
									&& SortedKeys.this.order.compare(SortedKeys.this.sorted.get(this.next), key) == 0) {
								this.next++;
							}
							return new SimpleImmutableEntry<>(key, Boolean.TRUE);
						}

					};
				}

				@Override
				public int size() {
					return SortedKeys.this.sorted.size();
				}

			};
		}

		@Override
		public SortedMap<K, Boolean> subMap(K fromKey, K toKey) {
			throw new UnsupportedOperationException();
		}

		@Override
		public SortedMap<K, Boolean> headMap(K toKey) {
			throw new UnsupportedOperationException();
		}

		@Override
		public SortedMap<K, Boolean> tailMap(K fromKey) {
			throw new UnsupportedOperationException();
		}

		@Override
		public K firstKey() {
			return this.sorted.get(0);
		}

		@Override
		public K lastKey() {
			return this.sorted.get(this.sorted.size() - 1);
		}

	}

	private record Bounds(List<Object> equal, Object low, boolean lowInclusive, Object high, boolean highInclusive) {
	}

}
