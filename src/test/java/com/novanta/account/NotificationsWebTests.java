package com.novanta.account;

import java.util.Map;
import java.util.Set;

import com.novanta.account.internal.AccountRepository;
import com.novanta.testing.DatabaseSnapshot;
import com.novanta.testing.Html;
import com.novanta.testing.IntegrationTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The notifications section of the account page: every email choice in one form, off by
 * default but the "no win" results, saved in one write with a page reload or in place
 * with htmx; a bad amount is refused next to its field and nothing is stored; each
 * participant changes only their own; deleting the account deletes them.
 */
@IntegrationTest
class NotificationsWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	AccountRepository repository;

	@Autowired
	MongoOperations mongo;

	CurrentAccount ada;

	CurrentAccount bea;

	@BeforeEach
	void setUp() {
		TestParticipants participants = new TestParticipants(this.context);
		this.ada = participants.verified("Ada Notified");
		this.bea = participants.verified("Bea Bystander");
	}

	@Test
	void everyEmailChoiceIsInOneSectionAndOffByDefaultButTheResults() throws Exception {
		Document page = Html.parse(
				this.mvc.perform(get("/account").with(TestParticipants.signedIn(this.ada))).andExpect(status().isOk()));

		assertThat(page.select("#notifications h2").text()).isEqualTo("Notifications");
		assertThat(page.select("#notifications legend").eachText()).containsExactly("Draw results", "Closing reminders",
				"Jackpot alerts");
		assertThat(page.select("#noWinEmails").hasAttr("checked")).isTrue();
		assertThat(page.select("#closing-daily, #closing-saturday")).hasSize(2)
			.allSatisfy((box) -> assertThat(box.hasAttr("checked")).isFalse());
		assertThat(page.select("label[for=threshold-daily]").text())
			.isEqualTo("Novanta 6/90: tell me when the jackpot reaches (€)");
		assertThat(page.select("#threshold-daily, #threshold-saturday").eachAttr("value")).containsOnly("");
		assertThat(page.select("#closing-hint").text()).startsWith("An email about 2 hours before a draw");
		assertThat(page.select("#notifications-form").attr("hx-post")).isEqualTo("/account/notifications");
		// the details form no longer carries an email choice
		assertThat(page.select("form[action='/account'] input[name=noWinEmails]")).isEmpty();
	}

	@Test
	void savesEveryChoiceInOneWriteWithoutJavaScript() throws Exception {
		this.mvc.perform(notifications(this.ada, "5.000.000", "").param("closing", "daily", "saturday"))
			.andExpect(redirectedUrl("/account#notifications"))
			.andExpect(flash().attribute("notificationsSaved", true));

		Account saved = this.repository.findById(this.ada.id()).orElseThrow();
		assertThat(saved.noWinEmails()).isFalse();
		assertThat(saved.reminders())
			.isEqualTo(new Reminders(Set.of("daily", "saturday"), Map.of("daily", 5_000_000L)));

		Document page = Html.parse(
				this.mvc.perform(get("/account").with(TestParticipants.signedIn(this.ada))).andExpect(status().isOk()));
		assertThat(page.select("#noWinEmails").hasAttr("checked")).isFalse();
		assertThat(page.select("#closing-daily").hasAttr("checked")).isTrue();
		assertThat(page.select("#closing-saturday").hasAttr("checked")).isTrue();
		assertThat(page.select("#threshold-daily").val()).isEqualTo("5000000");
		assertThat(page.select("#threshold-saturday").val()).isEmpty();
		assertThat(this.repository.findById(this.bea.id()).orElseThrow().reminders()).as("nobody else's")
			.isEqualTo(Reminders.NONE);

		// and off again
		this.mvc.perform(notifications(this.ada, "", "").param("noWinEmails", "true"))
			.andExpect(redirectedUrl("/account#notifications"));
		saved = this.repository.findById(this.ada.id()).orElseThrow();
		assertThat(saved.noWinEmails()).isTrue();
		assertThat(saved.reminders()).isEqualTo(Reminders.NONE);
	}

	@Test
	void savesInPlaceWithHtmx() throws Exception {
		Document section = Html.parse(
				this.mvc
					.perform(notifications(this.ada, "", "300000").header("HX-Request", "true")
						.param("noWinEmails", "true")
						.param("closing", "saturday"))
					.andExpect(status().isOk()));

		assertThat(section.select("html > body > section#notifications")).hasSize(1);
		assertThat(section.select("h1")).as("only the section").isEmpty();
		assertThat(section.select("#notifications-saved").text()).isEqualTo("Your notifications are saved.");
		assertThat(section.select("#closing-saturday").hasAttr("checked")).isTrue();
		assertThat(section.select("#threshold-saturday").val()).isEqualTo("300000");
		assertThat(this.repository.findById(this.ada.id()).orElseThrow().reminders())
			.isEqualTo(new Reminders(Set.of("saturday"), Map.of("saturday", 300_000L)));
	}

	@Test
	void aBadAmountIsRefusedNextToItsFieldAndNothingIsStored() throws Exception {
		DatabaseSnapshot before = DatabaseSnapshot.take(this.mongo);
		Document section = Html.parse(this.mvc
			.perform(notifications(this.ada, "0", "5000,50").header("HX-Request", "true").param("closing", "daily"))
			.andExpect(status().isBadRequest()));
		before.assertUnchanged();

		assertThat(section.select("#notifications-problem").text())
			.isEqualTo("Nothing was saved: please correct the field marked below.");
		assertThat(section.select("#threshold-daily-error").text())
			.isEqualTo("Write an amount from €1 to €1,000,000,000.00.");
		assertThat(section.select("#threshold-saturday-error").text())
			.isEqualTo("Write a whole number of euros, such as 5000000, or leave it empty.");
		assertThat(section.select("#threshold-saturday").attr("aria-invalid")).isEqualTo("true");
		assertThat(section.select("#threshold-saturday").attr("aria-describedby"))
			.isEqualTo("threshold-saturday-error jackpot-hint");
		assertThat(section.select("#threshold-saturday").val()).as("as typed").isEqualTo("5000,50");
		assertThat(section.select("#closing-daily").hasAttr("checked")).as("as sent").isTrue();

		// the same without JavaScript: the whole page, with the same messages
		Document page = Html
			.parse(this.mvc.perform(notifications(this.ada, "lots", "")).andExpect(status().isBadRequest()));
		assertThat(page.select("h1").text()).isEqualTo("Your account");
		assertThat(page.select("#threshold-daily-error").text()).startsWith("Write a whole number of euros");
		assertThat(this.repository.findById(this.ada.id()).orElseThrow().reminders()).isEqualTo(Reminders.NONE);
	}

	@Test
	void anItalianParticipantReadsTheSectionInItalian() throws Exception {
		Document page = Html
			.parse(this.mvc.perform(get("/account").param("lang", "it").with(TestParticipants.signedIn(this.ada)))
				.andExpect(status().isOk()));

		assertThat(page.select("#notifications h2").text()).isEqualTo("Notifiche");
		assertThat(page.select("#closing-hint").text()).startsWith("Una email circa 2 ore prima");
		assertThat(page.select("label[for=threshold-saturday]").text())
			.isEqualTo("Sabato 5/50: avvisami quando il jackpot raggiunge (€)");
	}

	@Test
	void deletingTheAccountDeletesTheChoices() throws Exception {
		this.mvc.perform(notifications(this.ada, "2000000", "").param("closing", "daily"))
			.andExpect(redirectedUrl("/account#notifications"));

		this.mvc
			.perform(post("/account/delete").param("confirmation", TestParticipants.PASSWORD)
				.with(TestParticipants.signedIn(this.ada))
				.with(csrf()))
			.andExpect(redirectedUrl("/?deleted"));

		assertThat(this.repository.findById(this.ada.id()).orElseThrow().reminders()).isEqualTo(Reminders.NONE);
		assertThat(this.mongo.findById(this.ada.id(), Map.class, "accounts")).doesNotContainKey("reminders");
	}

	/**
	 * The form as the page sends it, with the jackpot alerts typed and no box ticked,
	 * signed in as the participant.
	 */
	private MockHttpServletRequestBuilder notifications(CurrentAccount who, String daily, String saturday) {
		return post("/account/notifications").param("_noWinEmails", "on")
			.param("_closing", "on")
			.param("thresholds[0]", daily)
			.param("thresholds[1]", saturday)
			.with(TestParticipants.signedIn(who))
			.with(csrf());
	}

}
