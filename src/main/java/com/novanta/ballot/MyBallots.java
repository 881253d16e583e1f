package com.novanta.ballot;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

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
	 * A page of the participant's slips, newest first: one read of {@code size + 1} slips
	 * (the one more says whether there is a next page), and one read of their lotteries.
	 * Only when some results are shown (which depend on the draws) does it read on, in
	 * batches, until the page is full.
	 * @param accountId whose
	 * @param filter which
	 * @param cursor the order key of the last slip of the page before
	 * ({@link MineKey#order}), or {@code null} for the first page
	 * @param size how many slips per page
	 * @return the page, with the cursor of the next one
	 */
	public Page page(String accountId, Filter filter, String cursor, int size) {
		List<BallotView> views = new ArrayList<>();
		String after = cursor;
		int read = (filter.result() == null) ? size + 1 : SCAN_BATCH;
		while (true) {
			List<BallotSlip> batch = this.slips.mine(accountId, after, filter.gameId(), filter.drawDate(), read);
			Map<String, Lottery> lotteries = this.lotteries
				.findAll(batch.stream().map(BallotSlip::lotteryId).collect(Collectors.toSet()));
			for (int i = 0; i < batch.size(); i++) {
				BallotSlip slip = batch.get(i);
				after = MineKey.order(slip);
				BallotView view = view(slip, lotteries.get(slip.lotteryId()), filter.result());
				if (!view.lines().isEmpty()) {
					views.add(view);
				}
				if (views.size() == size) {
					// whether there is more: the rest of this batch says so, or one more
					// read
					boolean more = (i + 1 < batch.size())
							|| !this.slips.mine(accountId, after, filter.gameId(), filter.drawDate(), 1).isEmpty();
					return new Page(views, more ? after : null);
				}
			}
			if (batch.size() < read) {
				return new Page(views, null);
			}
		}
	}

	/**
	 * One of the participant's slips, or empty if it is not theirs (or does not exist).
	 */
	public Optional<BallotView> find(String accountId, String slipId) {
		return this.slips.findById(slipId)
			.filter((slip) -> accountId.equals(slip.accountId()))
			.map((slip) -> view(slip, this.lotteries.find(slip.lotteryId()).orElse(null), null));
	}

	private BallotView view(BallotSlip slip, Lottery lottery, BallotView.Result only) {
		Optional<Game> game = this.games.find(slip.gameId());
		List<BallotView.Line> lines = new ArrayList<>();
		for (int i = 0; i < slip.lines().size(); i++) {
			BallotView.Line line = line(slip, i, lottery, game.orElse(null));
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
	 * @param nextCursor the cursor of the next page, or {@code null} if this is the last
	 */
	public record Page(List<BallotView> slips, String nextCursor) {

		public boolean hasMore() {
			return this.nextCursor != null;
		}

	}

}
