package com.novanta.lottery;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The lotteries' secret seeds, kept apart from the lotteries so that no page that reads a
 * lottery can show a seed before its draw, and sealed so that nobody who reads the
 * database (its files, a backup, a dump) can read one either. A seed is made once per
 * lottery, from a CSPRNG, and stored only sealed by {@link SeedCipher}: AES-256-GCM under
 * the seed key from configuration ({@code LOTTERY_SEED_KEY}, never stored in MongoDB),
 * with the lottery id as associated data, so that a sealed seed copied onto another
 * lottery does not open.
 * <p>
 * One key from configuration seals every seed directly, rather than a data key per seed
 * wrapped by it (envelope encryption proper): a seed is itself 32 random bytes, as small
 * as a data key would be, so a data key would add a second ciphertext per lottery and
 * protect nothing more. Rotating the key means re-sealing every seed under the new one,
 * which is exactly the work rewrapping data keys would be (one small document per
 * lottery). A few lotteries a day stay far below the 2<sup>32</sup> random nonces one
 * AES-GCM key may take. Each sealed seed names its key ({@link SeedCipher#keyId()}), so
 * that a seed sealed under another key is told apart from a changed one.
 * <p>
 * Seeds stored in plain hex before sealing (a {@code seed} field) are still read, and
 * sealed, each by one conditional write: all of them at start-up, and any met later (an
 * older instance may still write them during a rolling deploy). No lottery loses its
 * seed.
 */
@Component
class SeedVault {

	private static final Logger log = LoggerFactory.getLogger(SeedVault.class);

	private final MongoOperations mongo;

	private final SeedCipher cipher;

	private final SecureRandom random = new SecureRandom();

	SeedVault(MongoOperations mongo, SeedCipher cipher) {
		this.mongo = mongo;
		this.cipher = cipher;
	}

	/** The lottery's seed, made now if it has none. Every caller gets the same one. */
	String seedFor(String lotteryId) {
		Optional<String> existing = find(lotteryId);
		if (existing.isPresent()) {
			return existing.get();
		}
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String seed = HexFormat.of().formatHex(bytes);
		try {
			this.mongo.insert(new Seed(lotteryId, null, this.cipher.seal(lotteryId, seed), this.cipher.keyId()));
		}
		catch (DuplicateKeyException ex) {
			// made by another instance meanwhile: use that one
		}
		return find(lotteryId).orElseThrow();
	}

	/**
	 * The lottery's seed, if it has one.
	 * @throws SeedCipher.UnreadableSeedException if its sealed seed does not open with
	 * the seed key
	 */
	Optional<String> find(String lotteryId) {
		Seed stored = this.mongo.findById(lotteryId, Seed.class);
		if (stored == null) {
			return Optional.empty();
		}
		if (stored.sealed() != null) {
			return Optional.of(this.cipher.open(lotteryId, stored.sealed()));
		}
		if (stored.seed() != null) {
			seal(stored);
			return Optional.of(stored.seed());
		}
		return Optional.empty();
	}

	/**
	 * Seals every seed still stored in plain hex. Before the draw worker's first run, but
	 * that run would read them all the same; a database that is not there yet leaves them
	 * for the next start (or the first read).
	 */
	@EventListener(ApplicationReadyEvent.class)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void sealPlainSeeds() {
		try {
			List<Seed> plain = this.mongo
				.find(Query.query(Criteria.where("seed").exists(true).and("sealed").exists(false)), Seed.class);
			long sealed = plain.stream().filter(this::seal).count();
			if (sealed > 0) {
				log.info("event=seeds-sealed count={} key={}: seeds stored in plain hex are sealed with the seed key",
						sealed, this.cipher.keyId());
			}
		}
		catch (RuntimeException ex) {
			log.warn("Seeds stored in plain hex could not be sealed now ({}); they are read as they are, "
					+ "and sealed at the next start or when read", ex.getMessage());
		}
	}

	/**
	 * Seals one plain seed in one write, only if the document still holds that plain seed
	 * and no sealed one.
	 * @return whether this write sealed it
	 */
	private boolean seal(Seed plain) {
		return this.mongo.updateFirst(
				Query.query(
						Criteria.where("_id").is(plain.id()).and("seed").is(plain.seed()).and("sealed").exists(false)),
				new Update().set("sealed", this.cipher.seal(plain.id(), plain.seed()))
					.set("key", this.cipher.keyId())
					.unset("seed"),
				Seed.class)
			.getModifiedCount() > 0;
	}

	/**
	 * One lottery's seed as stored.
	 *
	 * @param id the lottery id
	 * @param seed the seed in plain hex, as stored before seeds were sealed; {@code null}
	 * once sealed
	 * @param sealed the seed sealed by {@link SeedCipher} (base64)
	 * @param key the id of the key it is sealed under
	 */
	@Document("lottery_seeds")
	record Seed(@Id String id, String seed, String sealed, String key) {
	}

}
