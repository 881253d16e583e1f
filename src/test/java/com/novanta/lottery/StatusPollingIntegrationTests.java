package com.novanta.lottery;

import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import com.novanta.draw.TestPipelines;
import com.novanta.testing.Html;
import com.novanta.testing.IntegrationTest;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A lottery's status, on its public page and on the admin's, asks the server again every
 * few seconds until the lottery is settled (for the admin: until its results went out),
 * then stops: its htmx attributes are left out, not emptied.
 */
@IntegrationTest
class StatusPollingIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Test
	void theStatusPollsUntilTheLotteryIsSettledThenStops() throws Exception {
		Lottery lottery = new TestLotteries(this.context).open("daily");
		CurrentAccount admin = new TestParticipants(this.context).admin("Polling Admin");

		Element open = section(get("/lotteries/{id}", lottery.id()), "#status");
		assertThat(open.attr("hx-get")).isEqualTo("/lotteries/" + lottery.id());
		assertThat(open.attr("hx-trigger")).isEqualTo("every 5s, countdownEnded from:body");
		assertThat(open.attr("hx-swap")).isEqualTo("outerHTML");
		Element pipeline = section(get("/admin/lotteries/{id}", lottery.id()).with(TestParticipants.signedIn(admin)),
				"#pipeline");
		assertThat(pipeline.attr("hx-get")).isEqualTo("/admin/lotteries/" + lottery.id());
		assertThat(pipeline.attr("hx-trigger")).isEqualTo("every 2s");
		assertThat(pipeline.attr("hx-swap")).isEqualTo("outerHTML");

		assertThat(TestPipelines.drawAtClose(this.context, lottery)).isEqualTo(LotteryStatus.NOTIFIED);

		Element settled = section(get("/lotteries/{id}", lottery.id()), "#status");
		assertThat(settled.attributes().asList()).noneMatch((attribute) -> attribute.getKey().startsWith("hx"));
		Element notified = section(get("/admin/lotteries/{id}", lottery.id()).with(TestParticipants.signedIn(admin)),
				"#pipeline");
		assertThat(notified.attributes().asList()).noneMatch((attribute) -> attribute.getKey().startsWith("hx"));
	}

	private Element section(MockHttpServletRequestBuilder request, String selector) throws Exception {
		return Html.parse(this.mvc.perform(request).andExpect(status().isOk())).selectFirst(selector);
	}

}
