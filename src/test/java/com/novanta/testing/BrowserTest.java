package com.novanta.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that drives a real browser ({@link Browser}, Selenium): the
 * {@link IntegrationTest} application (the same context, so no start of its own), tagged
 * {@code browser} too, so that {@code ./mvnw verify -DexcludedGroups=browser} can leave
 * them out. {@link BrowserChecks} makes the browser's accessibility checks fail the test
 * whose page failed them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@IntegrationTest
@Tag("browser")
@ExtendWith(BrowserChecks.class)
public @interface BrowserTest {

}
