package com.novanta.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A test that drives a real browser ({@link Browser}, Selenium): the
 * {@link IntegrationTest} application (the same context, so no start of its own), tagged
 * {@code browser} too, so that {@code ./mvnw verify -DexcludedGroups=browser} can leave
 * them out.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@IntegrationTest
@Tag("browser")
public @interface BrowserTest {

}
