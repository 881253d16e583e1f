package com.novanta.admin;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.novanta.account.Accounts;
import com.novanta.ballot.BallotStatistics;
import com.novanta.game.GameCatalog;
import com.novanta.lottery.Lotteries;
import com.novanta.lottery.Lottery;
import com.novanta.notification.Outbox;
import com.novanta.notification.OutboxStatus;
import com.novanta.subscription.Subscriptions;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The admin dashboard: the lottery today at a glance. */
@Controller
class AdminDashboardController {

	static final String VIEW = "admin/dashboard";

	private final Accounts accounts;

	private final BallotStatistics ballots;

	private final Lotteries lotteries;

	private final Outbox outbox;

	private final GameCatalog games;

	private final Clock clock;

	private final Subscriptions subscriptions;

	AdminDashboardController(Accounts accounts, BallotStatistics ballots, Lotteries lotteries, Outbox outbox,
			GameCatalog games, Clock clock, Subscriptions subscriptions) {
		this.subscriptions = subscriptions;
		this.accounts = accounts;
		this.ballots = ballots;
		this.lotteries = lotteries;
		this.outbox = outbox;
		this.games = games;
		this.clock = clock;
	}

	@GetMapping("/admin")
	String dashboard(Model model) {
		Map<LocalDate, Long> perDay = this.ballots.lastDays(30);
		List<Lottery> open = this.lotteries.open();
		model.addAttribute("participants", this.accounts.count());
		model.addAttribute("ballotsToday", perDay.getOrDefault(this.ballots.today(), 0L));
		model.addAttribute("open", open);
		model.addAttribute("nextDraw", open.isEmpty() ? null : open.get(0));
		model.addAttribute("lastDraws", this.lotteries.latestResults(5));
		model.addAttribute("pending",
				this.outbox.count(OutboxStatus.PENDING) + this.outbox.count(OutboxStatus.SENDING));
		model.addAttribute("failed", this.outbox.count(OutboxStatus.FAILED));
		model.addAttribute("chart", BarChart.of(perDay));
		model.addAttribute("games", this.games);
		model.addAttribute("waitingForBeacon", this.lotteries.waitingForBeacon());
		model.addAttribute("now", this.clock.instant());
		Map<String, Long> subscriptionsByGame = this.subscriptions.activeByGame();
		model.addAttribute("subscriptionsByGame", subscriptionsByGame);
		model.addAttribute("activeSubscriptions",
				subscriptionsByGame.values().stream().mapToLong(Long::longValue).sum());
		return VIEW;
	}

}
