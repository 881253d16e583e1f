package com.novanta;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import com.novanta.testing.FrozenClockExtension;
import com.tngtech.archunit.core.domain.JavaCodeUnitAccess;
import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only two places read the wall clock: the application's {@link Clock} bean, and the
 * tests' {@link FrozenClockExtension}, which sets the instant every test starts at.
 * Everything else asks the injected clock, so that a test decides what time it is and the
 * suite passes whenever it runs.
 */
class WallClockTests {

	/** The types whose {@code now()} and {@code now(ZoneId)} read the system clock. */
	private static final Set<Class<?>> TIME_TYPES = Set.of(Instant.class, LocalDate.class, LocalDateTime.class,
			LocalTime.class, ZonedDateTime.class, OffsetDateTime.class, OffsetTime.class, Year.class, YearMonth.class,
			MonthDay.class);

	/** The methods allowed to, by their full name. */
	private static final Set<String> ALLOWED = Set.of("com.novanta.config.CoreConfiguration.clock()",
			// the backup and restore commands run before the application (and its clock)
			"com.novanta.embedded.DatabaseCommands.systemClock()");

	private static final JavaClasses classes = ours();

	@Test
	void onlyTheClockBeanAndTheTestsExtensionReadTheWallClock() {
		List<String> readers = classes.stream()
			.filter((type) -> !type.getName().startsWith(FrozenClockExtension.class.getName())
					&& !type.getName().startsWith(WallClockTests.class.getName()))
			.flatMap((type) -> type.getCodeUnitAccessesFromSelf().stream())
			.filter(WallClockTests::readsTheWallClock)
			.filter((call) -> !ALLOWED.contains(call.getOrigin().getFullName()))
			.map(JavaCodeUnitAccess::getDescription)
			.toList();
		assertThat(readers).as("calls that read the wall clock: ask the injected Clock instead").isEmpty();
	}

	@Test
	void theRuleSeesWhatItLooksFor() {
		JavaClasses examples = new ClassFileImporter().importClasses(ReadsTheWallClock.class);
		assertThat(examples.get(ReadsTheWallClock.class)
			.getCodeUnitAccessesFromSelf()
			.stream()
			.filter(WallClockTests::readsTheWallClock)
			.map((call) -> call.getTarget().getOwner().getSimpleName() + "." + call.getTarget().getName()))
			.containsExactlyInAnyOrder("Instant.now", "LocalDate.now", "ZonedDateTime.now", "System.currentTimeMillis",
					"Clock.systemUTC", "Clock.systemDefaultZone", "Date.<init>", "LocalDateTime.now");
	}

	/**
	 * This project's classes, main and test, without following their dependencies into
	 * the libraries (the calls are recorded all the same, and it is much faster).
	 */
	private static JavaClasses ours() {
		ArchConfiguration configuration = ArchConfiguration.get();
		boolean resolve = configuration.resolveMissingDependenciesFromClassPath();
		configuration.setResolveMissingDependenciesFromClassPath(false);
		try {
			return new ClassFileImporter().importPackages("com.novanta");
		}
		finally {
			configuration.setResolveMissingDependenciesFromClassPath(resolve);
		}
	}

	private static boolean readsTheWallClock(JavaCodeUnitAccess<?> call) {
		String owner = call.getTarget().getOwner().getName();
		String name = call.getTarget().getName();
		List<String> parameters = call.getTarget().getRawParameterTypes().stream().map((t) -> t.getName()).toList();
		if (TIME_TYPES.stream().anyMatch((type) -> type.getName().equals(owner)) && name.equals("now")) {
			// now(Clock) asks the clock it is given
			return parameters.isEmpty() || parameters.equals(List.of(ZoneId.class.getName()));
		}
		if (owner.equals(System.class.getName())) {
			return name.equals("currentTimeMillis");
		}
		if (owner.equals(Clock.class.getName())) {
			return name.equals("systemUTC") || name.equals("systemDefaultZone") || name.equals("system");
		}
		return owner.equals(Date.class.getName()) && name.equals("<init>") && parameters.isEmpty();
	}

	/** Ways of reading the wall clock the rule knows, and ways that are fine. */
	@SuppressWarnings("unused")
	static class ReadsTheWallClock {

		void reads(Clock clock) {
			Instant.now();
			LocalDate.now(ZoneId.of("Europe/Rome"));
			ZonedDateTime.now();
			System.currentTimeMillis();
			Clock.systemUTC();
			Clock.systemDefaultZone();
			new Date();
		}

		Supplier<LocalDateTime> referencesIt() {
			return LocalDateTime::now;
		}

		void asksTheClock(Clock clock) {
			Instant.now(clock);
			LocalDate.now(clock);
			clock.instant();
			System.nanoTime();
			new Date(0);
		}

	}

}
