package com.novanta.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs one benchmark by name: {@code settlement}, {@code notification}, {@code load},
 * {@code intake}, {@code soak} or {@code restart} (the packaged application started on
 * the embedded file in {@code LOTTERY_DATA_DIR}, e.g. one a settlement run left behind).
 */
public final class Benchmark {

	private Benchmark() {
	}

	private static Path dataDir() {
		String dir = System.getenv("LOTTERY_DATA_DIR");
		if (dir == null || !Files.isRegularFile(Path.of(dir, "novanta.mv.db"))) {
			throw new IllegalArgumentException("Set LOTTERY_DATA_DIR to a directory holding novanta.mv.db");
		}
		return Path.of(dir);
	}

	public static void main(String[] args) throws Exception {
		String name = (args.length > 0) ? args[0] : "settlement";
		switch (name) {
			case "settlement" -> SettlementBenchmark.main(args);
			case "notification" -> NotificationBenchmark.main(args);
			case "load" -> LoadBenchmark.main(args);
			case "intake" -> IntakeBenchmark.main(args);
			case "soak" -> SoakBenchmark.main(args);
			case "restart" -> RestartBenchmark.run(dataDir());
			default -> throw new IllegalArgumentException(
					"Unknown benchmark " + name + ": settlement, notification, load, intake, soak, restart");
		}
	}

}
