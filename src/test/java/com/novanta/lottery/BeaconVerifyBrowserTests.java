package com.novanta.lottery;

import java.time.Duration;
import java.time.Instant;

import com.novanta.beacon.TestBeacon;
import com.novanta.draw.TestPipelines;
import com.novanta.testing.Browser;
import com.novanta.testing.BrowserTest;
import com.novanta.testing.MutableClock;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "Verify this draw" section of a recipe-3 lottery in a browser, on a computer and on
 * a phone (screenshots {@code beacon-*} under {@code target/screenshots/}): the fetched
 * round with its long value and signature, and an operator's override as a notice; both
 * fit a 390 px screen and pass the accessibility checks.
 */
@BrowserTest
class BeaconVerifyBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	MutableClock clock;

	Browser browser;

	TestLotteries testLotteries;

	@BeforeEach
	void setUp() {
		this.browser = Browser.get();
		this.testLotteries = new TestLotteries(this.context);
	}

	@Test
	void theBeaconRoundAndAnOverrideReadWellOnAComputerAndAPhone() {
		Lottery fetched = this.testLotteries.open("daily");
		TestPipelines.drawAtClose(this.context, fetched);
		Lottery overridden = this.testLotteries.open("daily");
		TestBeacon.relay().answer(TestBeacon.Answer.DOWN);
		try {
			TestPipelines.drawAtClose(this.context, overridden);
		}
		finally {
			TestBeacon.relay().reset();
		}
		Instant now = this.clock.instant();
		this.clock.freezeAt(overridden.beacon().due().plus(Duration.ofHours(2)));
		try {
			this.context.getBean(LotterySteps.class)
				.overrideBeacon(overridden.id(),
						"drand's relays did not answer for two hours after the close; we drew without the round",
						"admin-id");
			TestPipelines.drawAtClose(this.context, overridden);
		}
		finally {
			this.clock.freezeAt(now);
		}

		SoftAssertions findings = new SoftAssertions();
		this.browser.open(url("/lotteries/" + fetched.id() + "#verify-beacon-status"));
		assertThat(this.browser.text(By.id("verify-beacon-value")))
			.isEqualTo(TestBeacon.value(fetched.beacon().round()));
		this.browser.onComputerAndPhone("beacon-fetched", findings);

		this.browser.open(url("/lotteries/" + overridden.id() + "#verify"));
		assertThat(this.browser.text(By.id("verify-beacon-overridden"))).startsWith("Drawn without the public beacon");
		this.browser.onComputerAndPhone("beacon-overridden", findings);
		findings.assertAll();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
