package com.novanta.winner;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import com.novanta.account.Account;
import com.novanta.account.AccountStatus;
import com.novanta.account.Participant;
import com.novanta.account.Role;
import com.novanta.responsibleplay.ResponsiblePlay;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the public sees of a win is only what its winner chose. */
class SharedWinTests {

	private static final Participant ADA = account("Ada King Lovelace", " London ");

	@Test
	void sharingThePrizeShowsTheFirstNameInitialTierAndPrize() {
		SharedWin shared = SharedWins.shared(win(false, true, 2500L), ADA);
		assertThat(shared).isEqualTo(new SharedWin("Ada L.", null, 3, 6, true, 2500L));
	}

	@Test
	void sharingTheCityShowsItButNotThePrize() {
		SharedWin shared = SharedWins.shared(win(true, false, 2500L), ADA);
		assertThat(shared).isEqualTo(new SharedWin("Ada L.", "London", 3, 6, false, null));
	}

	@Test
	void aCityThatIsNotGivenIsNotShown() {
		assertThat(SharedWins.shared(win(true, true, 2500L), account("Ada Lovelace", "  ")).city()).isNull();
		assertThat(SharedWins.shared(win(true, true, 2500L), account("Ada Lovelace", null)).city()).isNull();
	}

	@Test
	void aJackpotShareStillBeingWorkedOutHasNoAmountYet() {
		SharedWin shared = SharedWins.shared(win(false, true, null), ADA);
		assertThat(shared.prizeShared()).isTrue();
		assertThat(shared.prize()).isNull();
	}

	@Test
	void aWinnerWhoseAccountIsGoneIsNamedByNobody() {
		SharedWin shared = SharedWins.shared(win(true, true, 2500L), null);
		assertThat(shared.name()).isEmpty();
		assertThat(shared.city()).isNull();
	}

	@Test
	void theRecordHasNoRoomForAnAccountOrEmail() {
		assertThat(SharedWin.class.getRecordComponents()).extracting((component) -> component.getName())
			.containsExactly("name", "city", "tier", "picks", "prizeShared", "prize");
	}

	private static Winner win(boolean shareCity, boolean sharePrize, Long prize) {
		return new Winner("daily-2031-01-31:000000001#0", "daily-2031-01-31", "daily", LocalDate.of(2031, 1, 31),
				"daily-2031-01-31:000000001", 0, "D-1", "account-1", List.of(1, 2, 3, 4, 5, 6), List.of(1, 2, 3), 3,
				prize, false, shareCity, sharePrize, Instant.EPOCH);
	}

	private static Participant account(String name, String city) {
		return Participant.of(new Account("account-1", "ada@example.com", true, null, name, city,
				Set.of(Role.PARTICIPANT), "Europe/Rome", "en", true, AccountStatus.ACTIVE, 0, Instant.EPOCH,
				Instant.EPOCH, null, ResponsiblePlay.NONE, null));
	}

}
