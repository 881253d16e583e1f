package com.novanta.admin;

import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import com.novanta.testing.Html;
import com.novanta.testing.IntegrationTest;
import com.novanta.web.VisitorFormats;
import jakarta.servlet.http.Cookie;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import static com.novanta.account.TestParticipants.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The audit log as an admin reads it: each entry a sentence with its values before and
 * after, in the admin's language and time zone, never a {@code toString} dump or an enum
 * name; entries of older versions still show.
 */
@IntegrationTest
class AdminAuditIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	MongoOperations mongo;

	@Autowired
	VisitorFormats fmt;

	@Autowired
	Clock clock;

	@Test
	void anAdminReadsEachChangeAsASentenceWithItsValues() throws Exception {
		TestParticipants participants = new TestParticipants(this.context);
		CurrentAccount admin = inZone(participants.admin("Reading Admin"), "Asia/Tokyo", "en");
		CurrentAccount player = participants.verified("Limited Player");
		limits(player, "5");
		limits(player, "10");
		this.mvc.perform(post("/admin/participants/{id}/grant-admin", player.id()).with(csrf()).with(signedIn(admin)));

		org.jsoup.nodes.Document page = Html
			.parse(this.mvc.perform(get("/admin/audit").param("actor", player.email()).with(signedIn(admin)))
				.andExpect(status().isOk()));
		String log = page.select("table.audit tbody").text();
		// what the participant did; the grant is the admin's
		assertThat(page.select("table.audit tbody tr")).hasSize(2);
		// both at the frozen instant: in either order
		assertThat(log).contains("Changed their limits of ballots Daily limit changed from no limit to 5 ballots",
				"Changed their limits of ballots Daily limit waiting to take effect changed from no limit to 10 ballots "
						+ "Daily limit waiting until changed from none to " + asAdminSeesIt(admin, 24 * 3600));

		page = Html
			.parse(this.mvc.perform(get("/admin/audit").param("action", "ADMIN_ROLE_GRANTED").with(signedIn(admin)))
				.andExpect(status().isOk()));
		assertThat(page.select("#action option[selected]").text()).isEqualTo("Made the account an admin");
		Element granted = page.select("table.audit tbody tr").first();
		assertThat(granted.text()).contains("Made the account an admin",
				"Roles changed from participant to participant, admin", admin.email(), player.id());
		assertThat(granted.select("td").first().text()).isEqualTo(asAdminSeesIt(admin, 0));
		assertThat(granted.select("a[href='/admin/participants/" + player.id() + "']")).hasSize(1);

		for (String text : List.of(log, page.select("table.audit").text())) {
			assertThat(text).doesNotContain("{", "}", "=", "PARTICIPANT", "PLAY_LIMITS_CHANGED", "ADMIN_ROLE_GRANTED",
					"UTC 20");
		}
	}

	@Test
	void anItalianAdminReadsItInItalian() throws Exception {
		TestParticipants participants = new TestParticipants(this.context);
		CurrentAccount admin = inZone(participants.admin("Italian Admin"), "Europe/Rome", "it");
		CurrentAccount player = participants.verified("Giocatore Limitato");
		limits(player, "3");

		org.jsoup.nodes.Document page = Html.parse(
				this.mvc
					.perform(get("/admin/audit").param("actor", player.email())
						.cookie(new Cookie("novanta-lang", "it"))
						.with(signedIn(admin)))
					.andExpect(status().isOk()));

		assertThat(page.select("table.audit tbody").text()).contains("Ha cambiato i limiti di schedine",
				"Limite giornaliero: da nessun limite a 3 schedine");
		assertThat(page.select("#action option").eachText()).contains("Tutto", "Ha effettuato l'accesso");
	}

	@Test
	void entriesOfOlderVersionsShowWithoutDumps() throws Exception {
		CurrentAccount admin = new TestParticipants(this.context).admin("Archaeologist Admin");
		String target = new ObjectId().toHexString();
		Document entry = new Document("_id", new ObjectId().toHexString()).append("at", Date.from(this.clock.instant()))
			.append("actorEmail", "someone@example.com")
			.append("action", "TELEPORTED")
			.append("targetType", "spaceship")
			.append("targetId", target)
			.append("before", new Document("where", new Document("x", 1)).append("when", new Date(0)))
			.append("after", new Document("where", List.of(new Document("y", 2))).append("fuel", 3.5));
		this.mongo.insert(entry, "audit_events");
		this.mongo
			.insert(new Document("_id", new ObjectId().toHexString()).append("at", Date.from(this.clock.instant()))
				.append("actorEmail", "someone@example.com")
				.append("action", "ADMIN_WINNERS_EXPORTED")
				.append("targetType", "winners")
				.append("after", new Document("filter", "WinnerSearch[game=daily, from=null]")), "audit_events");

		org.jsoup.nodes.Document page = Html
			.parse(this.mvc.perform(get("/admin/audit").param("actor", "someone@example.com").with(signedIn(admin)))
				.andExpect(status().isOk()));

		String text = page.select("table.audit tbody").text();
		assertThat(text).contains("Recorded \"TELEPORTED\", a kind of entry this version does not know",
				"spaceship " + target, "fuel: 3.5", "when was ", "Downloaded the winners as a spreadsheet (CSV)");
		assertThat(text).doesNotContain("{", "=", "WinnerSearch", "Thu Jan 01");
		Html.parse(this.mvc.perform(get("/admin/audit").param("action", "TELEPORTED").with(signedIn(admin)))
			.andExpect(status().isOk()));
	}

	private void limits(CurrentAccount player, String daily) throws Exception {
		this.mvc
			.perform(post("/account/limits").param("dailyLimit", daily)
				.param("monthlyLimit", "")
				.with(csrf())
				.with(signedIn(player)))
			.andExpect(status().is3xxRedirection());
	}

	/** An instant after now, as the site writes it for this admin. */
	private String asAdminSeesIt(CurrentAccount admin, long seconds) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
		LocaleContextHolder.setLocale(Locale.forLanguageTag(admin.language()));
		try {
			return this.fmt.dateTime(this.clock.instant().plusSeconds(seconds));
		}
		finally {
			SecurityContextHolder.clearContext();
			LocaleContextHolder.resetLocaleContext();
		}
	}

	private CurrentAccount inZone(CurrentAccount account, String zone, String language) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(account.id())),
				new Update().set("timeZone", zone).set("language", language), "accounts");
		return new CurrentAccount(account.id(), account.email(), account.name(), account.roles(), true, zone, language,
				account.sessionEpoch(), account.password(), true);
	}

}
