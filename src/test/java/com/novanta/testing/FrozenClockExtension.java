package com.novanta.testing;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Stops the application's {@link MutableClock} at the suite's instant before each test
 * and lets it go after, so that no test depends on when it runs: a test that needs
 * another instant moves the clock ({@link MutableClock#advance},
 * {@link MutableClock#freezeAt}).
 *
 * <p>
 * The clocks are the {@link MutableClock} bean of the test's Spring application context,
 * if it has one, and the test's own {@code MutableClock} fields (static or not), for the
 * tests that start applications themselves.
 *
 * <p>
 * The suite's instant is the one place tests read the wall clock: the instant each test
 * starts, or, when the system property {@value #NOW_PROPERTY} is set (ISO-8601 with an
 * offset or a zone, e.g. {@code 2026-12-05T19:59:50+01:00}), that instant for every test
 * and for every application the tests start, so that the whole suite runs as if it had
 * been started then: {@code ./mvnw verify -Dnovanta.test.now=2026-12-05T19:59:50+01:00}.
 */
public final class FrozenClockExtension implements BeforeEachCallback, AfterEachCallback {

	/** The system property that sets the suite's instant. */
	public static final String NOW_PROPERTY = "novanta.test.now";

	private static final Instant fixed = parse(System.getProperty(NOW_PROPERTY));

	/**
	 * The instant a test starts at, to the millisecond as the database keeps it, so that
	 * an instant read back equals the one the test holds.
	 */
	public static Instant suiteInstant() {
		return suiteClock().instant();
	}

	/** A clock that reads the suite's instant. */
	static Clock suiteClock() {
		return (fixed != null) ? Clock.fixed(fixed, ZoneOffset.UTC)
				: Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		Instant start = suiteInstant();
		for (MutableClock clock : clocks(context)) {
			clock.freezeAt(start);
		}
	}

	@Override
	public void afterEach(ExtensionContext context) {
		for (MutableClock clock : clocks(context)) {
			clock.reset();
		}
	}

	private static List<MutableClock> clocks(ExtensionContext context) {
		Set<MutableClock> clocks = Collections.newSetFromMap(new IdentityHashMap<>());
		if (usesSpring(context.getRequiredTestClass())) {
			ApplicationContext application = SpringExtension.getApplicationContext(context);
			clocks.addAll(application.getBeansOfType(MutableClock.class).values());
		}
		Object instance = context.getTestInstance().orElse(null);
		for (Field field : ReflectionSupport.findFields(context.getRequiredTestClass(),
				(f) -> f.getType() == MutableClock.class, HierarchyTraversalMode.TOP_DOWN)) {
			boolean isStatic = Modifier.isStatic(field.getModifiers());
			if (!isStatic && instance == null) {
				continue;
			}
			Object holder = isStatic ? null : instance;
			try {
				field.setAccessible(true);
				if (field.get(holder) instanceof MutableClock clock) {
					clocks.add(clock);
				}
			}
			catch (IllegalAccessException ex) {
				throw new IllegalStateException("Cannot read the clock " + field, ex);
			}
		}
		return new ArrayList<>(clocks);
	}

	private static boolean usesSpring(Class<?> testClass) {
		return AnnotationSupport.findRepeatableAnnotations(testClass, ExtendWith.class)
			.stream()
			.anyMatch((extendWith) -> List.of(extendWith.value()).contains(SpringExtension.class));
	}

	private static Instant parse(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return ZonedDateTime.from(DateTimeFormatter.ISO_DATE_TIME.parse(value.strip()))
				.toInstant()
				.truncatedTo(ChronoUnit.MILLIS);
		}
		catch (DateTimeException ex) {
			throw new IllegalArgumentException(NOW_PROPERTY + "=" + value
					+ " is not an ISO-8601 date and time with an offset or a zone, such as 2026-12-05T19:59:50+01:00 or 2026-12-05T19:59:50[Europe/Rome]",
					ex);
		}
	}

}
