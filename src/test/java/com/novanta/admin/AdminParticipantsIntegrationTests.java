package com.novanta.admin;

import com.novanta.account.AccountAdministration;
import com.novanta.account.AccountAdministration.Outcome;
import com.novanta.account.Accounts;
import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import com.novanta.audit.AuditEvent;
import com.novanta.audit.TestAudit;
import com.novanta.testing.Html;
import com.novanta.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;

import static com.novanta.account.TestParticipants.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class AdminParticipantsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	AccountAdministration administration;

	@Autowired
	Accounts accounts;

	@Test
	void anAdminCannotDemoteOrDisableThemselves() {
		CurrentAccount admin = new TestParticipants(this.context).admin("Self Admin");
		assertThat(this.administration.revokeAdmin(admin, admin.id(), null)).isEqualTo(Outcome.NOT_ON_YOURSELF);
		assertThat(this.administration.disable(admin, admin.id(), null)).isEqualTo(Outcome.NOT_ON_YOURSELF);
		assertThat(this.accounts.find(admin.id()).orElseThrow().admin()).isTrue();
	}

	@Test
	void disablingEndsTheAccountsSessionsAtOnceAndEnablingLetsItBack() throws Exception {
		TestParticipants participants = new TestParticipants(this.context);
		CurrentAccount admin = participants.admin("Disabling Admin");
		CurrentAccount player = participants.verified("Disabled Player");
		MockHttpSession session = sessionOf(player);
		this.mvc.perform(get("/my/ballots").session(session)).andExpect(status().isOk());

		this.mvc.perform(post("/admin/participants/{id}/disable", player.id()).with(csrf()).with(signedIn(admin)))
			.andExpect(redirectedUrl("/admin/participants/" + player.id()));

		this.mvc.perform(get("/my/ballots").session(session)).andExpect(redirectedUrl("/signin"));
		assertThat(this.accounts.find(player.id()).orElseThrow().active()).isFalse();
		// the status in words, not the enum's name
		assertThat(Html.parse(this.mvc.perform(get("/admin/participants/{id}", player.id()).with(signedIn(admin))))
			.select("#participant-status")
			.text()).isEqualTo("Disabled");
		assertThat(onlyEvent("ACCOUNT_DISABLED", player.id())).satisfies((event) -> {
			assertThat(event.actorId()).isEqualTo(admin.id());
			assertThat(event.before()).containsEntry("status", "ACTIVE");
			assertThat(event.after()).containsEntry("status", "DISABLED");
		});

		this.mvc.perform(post("/admin/participants/{id}/enable", player.id()).with(csrf()).with(signedIn(admin)));
		assertThat(this.accounts.find(player.id()).orElseThrow().active()).isTrue();
		assertThat(onlyEvent("ACCOUNT_ENABLED", player.id()).after()).containsEntry("status", "ACTIVE");
	}

	@Test
	void grantingAndRevokingAdminIsAuditedWithBeforeAndAfter() throws Exception {
		TestParticipants participants = new TestParticipants(this.context);
		CurrentAccount admin = participants.admin("Granting Admin");
		CurrentAccount player = participants.verified("Promoted Player");
		this.mvc.perform(post("/admin/participants/{id}/grant-admin", player.id()).with(csrf()).with(signedIn(admin)));
		assertThat(this.accounts.find(player.id()).orElseThrow().admin()).isTrue();
		AuditEvent granted = onlyEvent("ADMIN_ROLE_GRANTED", player.id());
		assertThat(granted.actorEmail()).isEqualTo(admin.email());
		assertThat(granted.before().get("roles").toString()).doesNotContain("ADMIN");
		assertThat(granted.after().get("roles").toString()).contains("ADMIN");
		this.mvc.perform(post("/admin/participants/{id}/revoke-admin", player.id()).with(csrf()).with(signedIn(admin)));
		assertThat(this.accounts.find(player.id()).orElseThrow().admin()).isFalse();
		assertThat(onlyEvent("ADMIN_ROLE_REVOKED", player.id()).after().get("roles").toString())
			.doesNotContain("ADMIN");
	}

	@Test
	void anUnverifiedParticipantCannotBecomeAdmin() {
		TestParticipants participants = new TestParticipants(this.context);
		CurrentAccount admin = participants.admin("Careful Admin");
		CurrentAccount unverified = participants.unverified("New Person");
		assertThat(this.administration.grantAdmin(admin, unverified.id(), null)).isEqualTo(Outcome.NOT_VERIFIED);
	}

	private AuditEvent onlyEvent(String action, String targetId) {
		return new TestAudit(this.context).only(targetId, action);
	}

	private static MockHttpSession sessionOf(CurrentAccount account) {
		MockHttpSession session = new MockHttpSession();
		session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, new SecurityContextImpl(
				UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities())));
		return session;
	}

}
