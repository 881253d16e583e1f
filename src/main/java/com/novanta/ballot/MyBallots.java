package com.novanta.ballot;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.novanta.game.Game;
import com.novanta.game.GameCatalog;
import com.novanta.game.NumberSet;
import com.novanta.game.PrizeTier;
import com.novanta.lottery.Lotteries;
import com.novanta.lottery.Lottery;

import org.springframework.stereotype.Service;

/** A participant's own ballots, with their results. Nobody else's are ever returned. */
@Service
public class MyBallots {

	static final int SCAN_BATCH = 50;

	private final SlipRepository slips;

	private final Lotteries lotteries;

	private final GameCatalog games;

	MyBallots(SlipRepository slips, Lotteries lotteries, GameCatalog games) {
		this.slips = slips;
		this.lotteries = lotteries;
		this.games = games;
	}

	/**
	 * A page of the participant's slips, newest first.
	 * @param accountId whose
	 * @param filter which
	 * @param cursor how many slips earlier pages went through
	 * @param size how many slips per page
	 * @return the page, with the cursor of the next one
	 */
	public Page page(String accountId, Filter filter, int cursor, int size) {
		Map<String, Optional<Lottery>> lotteryCache = new HashMap<>();
		List<BallotView> views = new ArrayList<>();
		int scanned = Math.max(0, cursor);
		// every slip makes a row unless only some results are shown: then read ahead more
		int read = (filter.result() == null) ? size + 1 : SCAN_BATCH;
		while (true) {
			List<BallotSlip> batch = this.slips.findByAccount(accountId, filter.gameId(), filter.drawDate(), scanned,
					read);
			for (int i = 0; i < batch.size(); i++) {
				scanned++;
				BallotView view = view(batch.get(i), lotteryCache, filter.result());
				if (!view.lines().isEmpty()) {
					views.add(view);
				}
				if (views.size() == size) {
					// whether there is more: the rest of this batch says so, or one more
					// read
					boolean more = (i + 1 < batch.size())
							|| !this.slips.findByAccount(accountId, filter.gameId(), filter.drawDate(), scanned, 1)
								.isEmpty();
					return new Page(views, more ? scanned : -1);
				}
			}
			if (batch.size() < read) {
				return new Page(views, -1);
			}
		}
	}

	/**
	 * One of the participant's slips, or empty if it is not theirs (or does not exist).
	 */
	public Optional<BallotView> find(String accountId, String slipId) {
		return this.slips.findById(slipId)
			.filter((slip) -> accountId.equals(slip.accountId()))
			.map((slip) -> view(slip, new HashMap<>(), null));
	}

	private BallotView view(BallotSlip slip, Map<String, Optional<Lottery>> cache, BallotView.Result only) {
		Optional<Lottery> lottery = cache.computeIfAbsent(slip.lotteryId(), this.lotteries::find);
		Optional<Game> game = this.games.find(slip.gameId());
		List<BallotView.Line> lines = new ArrayList<>();
		for (int i = 0; i < slip.lines().size(); i++) {
			BallotView.Line line = line(slip, i, lottery.orElse(null), game.orElse(null));
			if (only == null || line.result() == only) {
				lines.add(line);
			}
		}
		// slips accepted before the stake was kept cost the game's price a line
		long stake = (slip.stake() != null) ? slip.stake()
				: game.map((known) -> known.price() * slip.lines().size()).orElse(0L);
		return new BallotView(slip, lines, stake);
	}

	private static BallotView.Line line(BallotSlip slip, int index, Lottery lottery, Game game) {
		List<Integer> numbers = slip.lines().get(index);
		if (lottery == null || game == null || !lottery.isDrawn() || lottery.winningNumbers() == null) {
			return new BallotView.Line(index, numbers, slip.isQuickPick(index), BallotView.Result.PENDING, List.of(),
					null, null);
		}
		NumberSet ballot = NumberSet.of(slip.numbers(index));
		NumberSet winning = NumberSet.of(lottery.winningNumbers().stream().mapToInt(Integer::intValue).toArray());
		int[] common = ballot.common(winning);
		List<Integer> matched = Arrays.stream(common).boxed().toList();
		Optional<PrizeTier> tier = game.tierFor(common.length);
		if (tier.isEmpty()) {
			return new BallotView.Line(index, numbers, slip.isQuickPick(index), BallotView.Result.NO_WIN, matched, null,
					null);
		}
		Long prize = null;
		if (lottery.summary() != null) {
			prize = lottery.summary().prizeOf(tier.get().matches());
		}
		else if (!tier.get().isJackpot()) {
			prize = tier.get().amount();
		}
		return new BallotView.Line(index, numbers, slip.isQuickPick(index), BallotView.Result.WON, matched,
				tier.get().matches(), prize);
	}

	/**
	 * Which ballots to show.
	 *
	 * @param gameId only this game, or all
	 * @param drawDate only this draw date, or all
	 * @param result only this result, or all
	 */
	public record Filter(String gameId, LocalDate drawDate, BallotView.Result result) {
	}

	/**
	 * A page of slips.
	 *
	 * @param slips the slips, newest first
	 * @param nextCursor the cursor of the next page, or -1 if this is the last
	 */
	public record Page(List<BallotView> slips, int nextCursor) {

		public boolean hasMore() {
			return this.nextCursor >= 0;
		}

	}

}
