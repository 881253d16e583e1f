package com.novanta.lottery;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

/**
 * The lotteries' secret seeds, kept apart from the lotteries so that no page that reads a
 * lottery can show a seed before its draw. A seed is made once per lottery, from a
 * CSPRNG.
 */
@Component
class SeedVault {

	private final MongoOperations mongo;

	private final SecureRandom random = new SecureRandom();

	SeedVault(MongoOperations mongo) {
		this.mongo = mongo;
	}

	/** The lottery's seed, made now if it has none. Every caller gets the same one. */
	String seedFor(String lotteryId) {
		Optional<String> existing = find(lotteryId);
		if (existing.isPresent()) {
			return existing.get();
		}
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		try {
			this.mongo.insert(new Seed(lotteryId, HexFormat.of().formatHex(bytes)));
		}
		catch (DuplicateKeyException ex) {
			// made by another instance meanwhile: use that one
		}
		return find(lotteryId).orElseThrow();
	}

	Optional<String> find(String lotteryId) {
		return Optional.ofNullable(this.mongo.findById(lotteryId, Seed.class)).map(Seed::seed);
	}

	@Document("lottery_seeds")
	record Seed(@Id String id, String seed) {
	}

}
