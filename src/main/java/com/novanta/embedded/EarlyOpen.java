package com.novanta.embedded;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Opens the embedded database's file as soon as the application's settings are known, in
 * a thread of its own, instead of when Spring gets to the database's bean some seconds
 * later: with a million ballots stored, building the file's indexes ({@link IndexBuilds})
 * took longer than the rest of a start, and now begins about three seconds earlier, on
 * the other core. The bean then takes the server opened here ({@link #take}); what went
 * wrong opening it (a file another process holds) is thrown there, as if the bean had
 * opened it.
 * <p>
 * Only where the application is started with it ({@link EmbeddedMongoServer#openEarly}:
 * the application's {@code main}), and only for a file: not when a MongoDB is configured,
 * nor in memory.
 */
final class EarlyOpen implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	/** What was opened early, by its settings, until a bean takes it. */
	private static final Map<Settings, CompletableFuture<EmbeddedMongoServer>> OPENED = new ConcurrentHashMap<>();

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		Environment environment = event.getEnvironment();
		if (!EmbeddedMongoCondition.embedded(environment)) {
			return;
		}
		DatabaseProperties properties = Binder.get(environment)
			.bindOrCreate("lottery.database", DatabaseProperties.class);
		if (properties.embeddedBackend() != DatabaseProperties.Backend.H2) {
			return;
		}
		Settings settings = Settings.of(properties);
		CompletableFuture<EmbeddedMongoServer> opening = new CompletableFuture<>();
		if (OPENED.putIfAbsent(settings, opening) != null) {
			return;
		}
		Thread thread = new Thread(() -> {
			try {
				opening.complete(EmbeddedMongoServer.startFileBacked(settings.dataDir(), settings.durable(),
						settings.fillRate()));
			}
			catch (Throwable ex) {
				opening.completeExceptionally(ex);
			}
		}, "embedded-database-open");
		thread.setDaemon(true);
		thread.start();
	}

	/**
	 * After the settings are read from the configuration files (Spring Boot's own
	 * listener loads them on the same event).
	 */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	/**
	 * The server opened early with these settings, waiting for it if it is still opening;
	 * {@code null} if none was (then the caller opens it). Each is taken once.
	 */
	static EmbeddedMongoServer take(DatabaseProperties properties) {
		CompletableFuture<EmbeddedMongoServer> opening = OPENED.remove(Settings.of(properties));
		if (opening == null) {
			return null;
		}
		try {
			return opening.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw ex;
		}
	}

	/** What the file is opened with: a bean with other settings opens its own. */
	private record Settings(Path dataDir, boolean durable, int fillRate) {

		static Settings of(DatabaseProperties properties) {
			return new Settings(Path.of(properties.dataDir()).toAbsolutePath().normalize(), properties.durableWrites(),
					properties.compactionFillRate());
		}

	}

}
