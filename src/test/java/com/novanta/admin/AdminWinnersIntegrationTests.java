package com.novanta.admin;

import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import com.novanta.testing.Html;
import com.novanta.testing.IntegrationTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static com.novanta.account.TestParticipants.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class AdminWinnersIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Test
	void theTierFilterOffersTheTiersTheGamesPay() throws Exception {
		CurrentAccount admin = new TestParticipants(this.context).admin("Tier Admin");
		Document page = Html.parse(this.mvc.perform(get("/admin/winners").param("tier", "5").with(signedIn(admin)))
			.andExpect(status().isOk()));
		// Novanta 6/90 pays for 6 to 2 matches, Sabato 5/50 for 5 to 2 (application.yml)
		assertThat(page.select("select#tier option").eachAttr("value")).containsExactly("", "6", "5", "4", "3", "2");
		assertThat(page.select("select#tier option[selected]").val()).isEqualTo("5");
	}

}
