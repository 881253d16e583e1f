package com.novanta.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A test that starts applications of its own (other instances, an application with other
 * settings, a process it kills, a configuration in a context runner) rather than sharing
 * the {@link IntegrationTest} one: {@code ./mvnw verify} runs them (Failsafe), the unit
 * loop {@code ./mvnw test} does not.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("process")
public @interface ProcessTest {

}
