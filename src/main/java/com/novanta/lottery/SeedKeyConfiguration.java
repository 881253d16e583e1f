package com.novanta.lottery;

import java.nio.file.Path;
import java.security.SecureRandom;

import com.novanta.config.DevKeyFile;
import com.novanta.config.DevMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Where the seed key comes from: {@value #PROPERTY} ({@code LOTTERY_SEED_KEY}, base64 of
 * 32 bytes), never the database. Outside dev mode it is required (config's
 * DeploymentCheck refuses to start without it, as without an SMTP server). In dev mode
 * without one, a key is made once and kept in {@value #FILE_NAME} in the data directory,
 * next to the embedded database, so that a restart still opens the seeds sealed before;
 * with the embedded database in memory (whose seeds die with the process) the key is kept
 * in memory too, and no file is written ({@link DevKeyFile}).
 */
@Configuration(proxyBeanMethods = false)
class SeedKeyConfiguration {

	/** The property that holds the seed key. */
	static final String PROPERTY = "lottery.fairness.seed-key";

	/** The dev-mode key's file in the data directory. */
	static final String FILE_NAME = "seed-key";

	private static final Logger log = LoggerFactory.getLogger(SeedKeyConfiguration.class);

	@Bean
	SeedCipher seedCipher(Environment environment) {
		SecureRandom random = new SecureRandom();
		String configured = environment.getProperty(PROPERTY);
		if (StringUtils.hasText(configured)) {
			SeedCipher cipher = new SeedCipher(SeedCipher.decodeKey(configured), random);
			log.info("event=seed-key source=configuration key={}", cipher.keyId());
			return cipher;
		}
		if (!DevMode.isOn(environment)) {
			// DeploymentCheck stops the start-up before this, saying what to set
			throw new IllegalStateException("No seed key: set LOTTERY_SEED_KEY (" + PROPERTY + ")");
		}
		if (DevKeyFile.isInMemory(environment)) {
			byte[] key = new byte[SeedCipher.KEY_BYTES];
			random.nextBytes(key);
			SeedCipher cipher = new SeedCipher(key, random);
			log.info("event=seed-key source=dev-memory key={}", cipher.keyId());
			return cipher;
		}
		Path file = DevKeyFile.inDataDirectory(environment, FILE_NAME);
		SeedCipher cipher = new SeedCipher(DevKeyFile.key(file, random), random);
		log.info("event=seed-key source=dev-file file={} key={}", file, cipher.keyId());
		return cipher;
	}

}
