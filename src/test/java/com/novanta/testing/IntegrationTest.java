package com.novanta.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.novanta.beacon.TestBeacon;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port, on the embedded database (memory backend) and
 * the embedded SMTP catcher, with MockMvc and a TestRestTemplate, and a
 * {@link MutableClock} as the application's clock, and its database writes counted for
 * {@link DatabaseSnapshot} ({@link DatabaseWrites}), and the {@link TestBeacon} as its
 * public randomness beacon. Tests that share this annotation share one application
 * context (and so its clock: {@link FrozenClockExtension} stops it at the suite's instant
 * before each test and lets it go after). Tagged {@code integration}:
 * {@code ./mvnw verify} runs them (Failsafe), the unit loop {@code ./mvnw test} does not.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("integration")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@AutoConfigureMockMvc
@AutoConfigureTestRestTemplate
@Import({ TestClockConfiguration.class, TestSaltConfiguration.class, TestBeacon.Configuration.class,
		DatabaseWrites.class, DatabaseReads.class })
@ExtendWith(FrozenClockExtension.class)
public @interface IntegrationTest {

}
