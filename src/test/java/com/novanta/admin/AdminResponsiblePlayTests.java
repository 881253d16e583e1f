package com.novanta.admin;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import com.novanta.responsibleplay.ExclusionPeriod;
import com.novanta.responsibleplay.TestPlayRestrictions;
import com.novanta.testing.Html;
import com.novanta.testing.IntegrationTest;
import com.novanta.testing.MutableClock;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static com.novanta.account.TestParticipants.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Admins see the limits and self-exclusion a participant chose; nobody else does. */
@IntegrationTest
class AdminResponsiblePlayTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	ApplicationContext context;

	CurrentAccount admin;

	CurrentAccount participant;

	@BeforeEach
	void setUp() {
		TestParticipants participants = new TestParticipants(this.context);
		this.admin = participants.admin("Anna Admin");
		this.participant = participants.verified("Paolo Limited");
	}

	@Test
	void theParticipantPageShowsNoLimitAndNoExclusionByDefault() throws Exception {
		Document page = participantPage(this.admin);

		assertThat(page.select("#daily-limit").text()).isEqualTo("No limit");
		assertThat(page.select("#monthly-limit").text()).isEqualTo("No limit");
		assertThat(page.select("dd#exclusion").text()).isEqualTo("Not excluded");
	}

	@Test
	void theParticipantPageShowsLimitsARaiseThatWaitsAndTheExclusion() throws Exception {
		Instant now = this.clock.instant();
		TestPlayRestrictions restrictions = new TestPlayRestrictions(this.context);
		restrictions.limit(this.participant, 10, 100);
		restrictions.limit(this.participant, 10, 300);
		Instant until = restrictions.exclude(this.participant, ExclusionPeriod.ONE_YEAR);

		Document page = participantPage(this.admin);

		assertThat(page.select("#daily-limit").text()).isEqualTo("10 ballots");
		assertThat(page.select("#monthly-limit").text()).isEqualTo(
				"100 ballots — Raising to 300 ballots: takes effect on " + shown(now.plus(Duration.ofHours(24))) + ".");
		assertThat(page.select("dd#exclusion").text()).startsWith("Excluded since " + shown(now))
			.contains("until " + shown(until));
	}

	@Test
	void onlyAdminsSeeIt() throws Exception {
		this.mvc.perform(get("/admin/participants/{id}", this.participant.id()).with(signedIn(this.participant)))
			.andExpect(status().isForbidden());
	}

	private Document participantPage(CurrentAccount viewer) throws Exception {
		return Html
			.parse(this.mvc.perform(get("/admin/participants/{id}", this.participant.id()).with(signedIn(viewer)))
				.andExpect(status().isOk())
				.andReturn());
	}

	/** An instant as the pages show it to an admin of Rome, in English. */
	private static String shown(Instant instant) {
		return DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH)
			.format(instant.atZone(ZoneId.of("Europe/Rome")));
	}

}
