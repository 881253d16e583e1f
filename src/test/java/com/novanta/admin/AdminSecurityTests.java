package com.novanta.admin;

import java.util.List;
import java.util.stream.Stream;

import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.TestLotteries;
import com.novanta.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

import static com.novanta.account.TestParticipants.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every admin URL and action: anonymous visitors are sent to sign in, participants get a
 * 403, admins get through; every admin form needs its CSRF token.
 */
@IntegrationTest
class AdminSecurityTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	static CurrentAccount admin;

	static CurrentAccount participant;

	static CurrentAccount target;

	static Lottery lottery;

	@BeforeEach
	void setUp() {
		if (admin == null) {
			TestParticipants participants = new TestParticipants(this.context);
			admin = participants.admin("Table Admin");
			participant = participants.verified("Table Participant");
			target = participants.verified("Table Target");
			lottery = new TestLotteries(this.context).open("daily");
		}
	}

	static Stream<Arguments> everyAdminPage() {
		return Stream.of(Arguments.of("/admin"), Arguments.of("/admin/lotteries"),
				Arguments.of("/admin/lotteries/{lottery}"), Arguments.of("/admin/winners"),
				Arguments.of("/admin/winners?date=2031-01-01"), Arguments.of("/admin/winners.csv"),
				Arguments.of("/admin/participants"), Arguments.of("/admin/participants?q=table"),
				Arguments.of("/admin/participants/{target}"), Arguments.of("/admin/outbox"),
				Arguments.of("/admin/audit"), Arguments.of("/admin/audit?action=SIGN_IN"),
				Arguments.of("/admin/backups"));
	}

	static Stream<Arguments> everyAdminAction() {
		return Stream.of(Arguments.of("/admin/lotteries/{lottery}/draw"),
				Arguments.of("/admin/lotteries/{lottery}/beacon-override"),
				Arguments.of("/admin/participants/{target}/grant-admin"),
				Arguments.of("/admin/participants/{target}/revoke-admin"),
				Arguments.of("/admin/participants/{target}/disable"),
				Arguments.of("/admin/participants/{target}/enable"), Arguments.of("/admin/outbox/missing/retry"),
				Arguments.of("/admin/backups"));
	}

	@ParameterizedTest
	@MethodSource("everyAdminPage")
	void pagesSendAnonymousVisitorsToSignInRefuseParticipantsAndServeAdmins(String url) throws Exception {
		this.mvc.perform(get(url)).andExpect(redirectedUrl("/signin"));
		this.mvc.perform(get(url).with(signedIn(participant))).andExpect(status().isForbidden());
		int status = this.mvc.perform(get(url).with(signedIn(admin))).andReturn().getResponse().getStatus();
		assertThat(status).as(url).isEqualTo(200);
	}

	@ParameterizedTest
	@MethodSource("everyAdminAction")
	void actionsNeedTheAdminRoleAndACsrfToken(String url) throws Exception {
		this.mvc.perform(post(url).with(csrf())).andExpect(redirectedUrl("/signin"));
		this.mvc.perform(post(url).with(csrf()).with(signedIn(participant))).andExpect(status().isForbidden());
		this.mvc.perform(post(url).with(signedIn(admin))).andExpect(status().isForbidden());
		int status = this.mvc.perform(post(url).with(csrf()).with(signedIn(admin)))
			.andReturn()
			.getResponse()
			.getStatus();
		assertThat(status).as(url).isIn(302, 303);
	}

	@ParameterizedTest
	@MethodSource("everyAdminPage")
	void htmxRequestsOfAnonymousVisitorsRefreshThePage(String url) throws Exception {
		this.mvc.perform(get(url).header("HX-Request", "true"))
			.andExpect(status().isForbidden())
			.andExpect(MockMvcResultMatchers.header().string("HX-Refresh", "true"));
	}

	private static MockHttpServletRequestBuilder get(String url) {
		return request(HttpMethod.GET, expand(url));
	}

	private static MockHttpServletRequestBuilder post(String url) {
		return request(HttpMethod.POST, expand(url));
	}

	private static String expand(String url) {
		return url.replace("{lottery}", lottery.id()).replace("{target}", target.id());
	}

}
