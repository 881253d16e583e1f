package com.novanta.lottery;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import com.novanta.draw.TestPipelines;
import com.novanta.fairness.Fairness;
import com.novanta.lottery.SeedCipher.UnreadableSeedException;
import com.novanta.testing.IntegrationTest;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Whoever reads the database reads no seed: each is stored sealed with the seed key from
 * configuration, and seeds stored in plain hex before are sealed without losing one.
 */
@IntegrationTest
class SeedVaultIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	SeedVault seeds;

	@Autowired
	Environment environment;

	@Autowired
	MongoOperations mongo;

	TestLotteries lotteries;

	@BeforeEach
	void setUp() {
		this.lotteries = new TestLotteries(this.context);
	}

	@Test
	void theStoredSeedIsSealedWithTheConfiguredKeyAndShowsNothingOfTheSeed() {
		Lottery lottery = this.lotteries.open("daily");
		String seed = this.lotteries.seed(lottery.id());

		Document stored = this.lotteries.storedSeed(lottery.id());

		assertThat(Fairness.commitment(seed)).isEqualTo(lottery.seedCommitment());
		assertThat(stored).doesNotContainKey("seed").containsKeys("sealed", "key");
		String json = stored.toJson();
		assertThat(json).doesNotContainIgnoringCase(seed)
			.doesNotContain(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(seed)));
		// sealed under the key the configuration gives, which is not in the database
		SeedCipher configured = new SeedCipher(
				SeedCipher.decodeKey(this.environment.getProperty("lottery.fairness.seed-key")), new SecureRandom());
		assertThat(configured.open(lottery.id(), stored.getString("sealed"))).isEqualTo(seed);
		assertThat(stored.getString("key")).isEqualTo(configured.keyId());
		assertThat(this.lotteries.stored(lottery).toJson()).doesNotContainIgnoringCase(seed);
	}

	@Test
	void plainSeedsOfBeforeAreSealedAtStartUpEachKeepingItsSeed() {
		List<Lottery> opened = new ArrayList<>();
		List<String> plain = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			Lottery lottery = this.lotteries.open((i == 1) ? "saturday" : "daily");
			opened.add(lottery);
			plain.add(this.lotteries.seed(lottery.id()));
			// as the seed was stored before seeds were sealed
			this.lotteries.storePlainSeed(lottery.id(), plain.get(i));
		}

		this.seeds.sealPlainSeeds();

		for (int i = 0; i < opened.size(); i++) {
			Lottery lottery = opened.get(i);
			Document stored = this.lotteries.storedSeed(lottery.id());
			assertThat(stored).doesNotContainKey("seed").containsKey("sealed");
			assertThat(stored.toJson()).doesNotContainIgnoringCase(plain.get(i));
			assertThat(this.lotteries.seed(lottery.id())).isEqualTo(plain.get(i));
		}
		// and the lottery is drawn with the seed it committed to
		Lottery first = opened.get(0);
		TestPipelines.drawAtClose(this.context, first);
		Lottery drawn = this.lotteries.reload(first);
		assertThat(drawn.isDrawn()).isTrue();
		assertThat(drawn.seed()).isEqualTo(plain.get(0));
		assertThat(Fairness.commitment(drawn.seed())).isEqualTo(first.seedCommitment());
	}

	@Test
	void aPlainSeedMetAfterStartUpIsReadAndSealed() {
		Lottery lottery = this.lotteries.open("daily");
		String seed = this.lotteries.seed(lottery.id());
		this.lotteries.storePlainSeed(lottery.id(), seed);

		assertThat(this.seeds.find(lottery.id())).contains(seed);

		Document stored = this.lotteries.storedSeed(lottery.id());
		assertThat(stored).doesNotContainKey("seed").containsKey("sealed");
		assertThat(this.seeds.find(lottery.id())).contains(seed);
		// made again by the calendar: the same seed, not a new one
		assertThat(this.seeds.seedFor(lottery.id())).isEqualTo(seed);
	}

	@Test
	void aSealedSeedCopiedOntoAnotherLotteryDoesNotOpen() {
		Lottery one = this.lotteries.open("daily");
		Lottery other = this.lotteries.open("daily");
		Document stored = this.lotteries.storedSeed(one.id());
		this.mongo.getCollection("lottery_seeds")
			.updateOne(new Document("_id", other.id()),
					new Document("$set", new Document("sealed", stored.getString("sealed"))));

		assertThatThrownBy(() -> this.seeds.find(other.id())).isInstanceOf(UnreadableSeedException.class);
		assertThat(this.seeds.find(one.id())).isPresent();
	}

}
