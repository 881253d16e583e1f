package com.novanta.admin;

import java.util.List;
import java.util.Set;

import com.novanta.account.AccountAdministration;
import com.novanta.account.AccountAdministration.Outcome;
import com.novanta.account.Accounts;
import com.novanta.account.CurrentAccount;
import com.novanta.account.Role;
import com.novanta.account.TestParticipants;
import com.novanta.testing.AllAtOnce;
import com.novanta.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * There is always an admin. An application of its own, since it demotes every other
 * admin.
 */
@IntegrationTest
@TestPropertySource(properties = "lottery.test.context=last-admin")
class LastAdminIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	AccountAdministration administration;

	@Autowired
	Accounts accounts;

	@Test
	void theLastAdminCanBeNeitherDemotedNorDisabled() {
		TestParticipants participants = new TestParticipants(this.context);
		CurrentAccount first = participants.admin("First Admin");
		CurrentAccount second = participants.admin("Second Admin");
		for (var other : this.accounts.admins()) {
			if (!other.id().equals(first.id())) {
				assertThat(this.administration.revokeAdmin(first, other.id(), null)).isEqualTo(Outcome.DONE);
			}
		}
		assertThat(this.accounts.admins()).extracting((admin) -> admin.id()).containsExactly(first.id());

		assertThat(this.administration.revokeAdmin(second, first.id(), null)).isEqualTo(Outcome.LAST_ADMIN);
		assertThat(this.administration.disable(second, first.id(), null)).isEqualTo(Outcome.LAST_ADMIN);
		assertThat(this.accounts.find(first.id()).orElseThrow().admin()).isTrue();

		CurrentAccount successor = participants.verified("Successor");
		assertThat(this.administration.grantAdmin(first, successor.id(), null)).isEqualTo(Outcome.DONE);
		assertThat(this.administration.revokeAdmin(successor, first.id(), null)).isEqualTo(Outcome.DONE);
		assertThat(this.accounts.admins()).extracting((admin) -> admin.id()).containsExactly(successor.id());
	}

	@Test
	void twoAdminsDemotingEachOtherAtOnceLeaveOne() throws Exception {
		TestParticipants participants = new TestParticipants(this.context);
		for (var other : this.accounts.admins()) {
			CurrentAccount keeper = participants.admin("Keeper " + other.id());
			this.administration.revokeAdmin(keeper, other.id(), null);
			this.administration.revokeAdmin(CurrentAccountOf.any(), keeper.id(), null);
		}
		CurrentAccount a = participants.admin("Admin A");
		CurrentAccount b = participants.admin("Admin B");
		for (var other : this.accounts.admins()) {
			if (!other.id().equals(a.id()) && !other.id().equals(b.id())) {
				this.administration.revokeAdmin(a, other.id(), null);
			}
		}
		List<Outcome> outcomes = AllAtOnce.run(List.of(() -> this.administration.revokeAdmin(a, b.id(), null),
				() -> this.administration.revokeAdmin(b, a.id(), null)));
		assertThat(outcomes).containsExactlyInAnyOrder(Outcome.DONE, Outcome.LAST_ADMIN);
		assertThat(this.accounts.admins()).hasSize(1);
	}

	/**
	 * An admin principal that is no account: its changes to others are judged on their
	 * own.
	 */
	static final class CurrentAccountOf {

		static CurrentAccount any() {
			return new CurrentAccount("nobody", "nobody@example.com", "Nobody", Set.of(Role.ADMIN), true, "UTC", "en",
					0, null, true);
		}

	}

}
