package com.novanta.benchmark;

/**
 * Runs one benchmark by name: {@code settlement}, {@code notification}, {@code load} or
 * {@code intake}.
 */
public final class Benchmark {

	private Benchmark() {
	}

	public static void main(String[] args) throws Exception {
		String name = (args.length > 0) ? args[0] : "settlement";
		switch (name) {
			case "settlement" -> SettlementBenchmark.main(args);
			case "notification" -> NotificationBenchmark.main(args);
			case "load" -> LoadBenchmark.main(args);
			case "intake" -> IntakeBenchmark.main(args);
			default -> throw new IllegalArgumentException(
					"Unknown benchmark " + name + ": settlement, notification, load, intake");
		}
	}

}
