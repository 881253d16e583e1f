package com.novanta.ballot;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import com.novanta.game.Game;
import com.novanta.game.GameCatalog;
import com.novanta.game.NumberRules;
import com.novanta.lottery.Lotteries;
import com.novanta.lottery.Lottery;
import com.novanta.responsibleplay.PlayCounts;
import com.novanta.responsibleplay.PlayRestrictions;
import com.novanta.responsibleplay.PlayStatus;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Service;

/**
 * Accepts a submission of ballots whole or not at all. The steps are single-document
 * atomic writes, ordered so that a failure at any step leaves nothing behind: the
 * participant's own limits for the day and the month and the limit per lottery are
 * reserved, the lottery gives the slip its place (only while open, by the server's
 * clock), and the slip is inserted under a unique idempotency key, so the same form sent
 * twice stores one slip. A participant who excluded themselves cannot play.
 */
@Service
public class BallotSubmission {

	private final Lotteries lotteries;

	private final GameCatalog games;

	private final SlipRepository slips;

	private final BallotProperties properties;

	private final Clock clock;

	private final SlipWriter writer;

	private final PlayRestrictions restrictions;

	private final PlayCounts counts;

	private final MeterRegistry meters;

	private final SaltSource salts;

	private final ReceiptSigner signer;

	BallotSubmission(Lotteries lotteries, GameCatalog games, SlipRepository slips, BallotProperties properties,
			Clock clock, SlipWriter writer, PlayRestrictions restrictions, PlayCounts counts, MeterRegistry meters,
			SaltSource salts, ReceiptSigner signer) {
		this.salts = salts;
		this.signer = signer;
		this.writer = writer;
		this.restrictions = restrictions;
		this.counts = counts;
		this.meters = meters;
		this.lotteries = lotteries;
		this.games = games;
		this.slips = slips;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Submits ballots.
	 * @param player who submits
	 * @param lotteryId for which lottery
	 * @param lines the lines as entered
	 * @param quickPicks which lines were quick picks
	 * @param key the form's idempotency key
	 * @return accepted, or rejected with the reason
	 */
	public SubmissionResult submit(Player player, String lotteryId, List<List<Integer>> lines, List<Boolean> quickPicks,
			String key) {
		SubmissionResult result = decide(player, lotteryId, lines, quickPicks, key);
		if (result instanceof SubmissionResult.Accepted accepted) {
			if (!accepted.repeated()) {
				this.meters.counter("novanta.ballots.accepted").increment(accepted.slip().lines().size());
			}
		}
		else if (result instanceof SubmissionResult.Rejected rejected) {
			this.meters.counter("novanta.ballots.rejected", "reason", rejected.reason().name().toLowerCase(Locale.ROOT))
				.increment();
		}
		return result;
	}

	private SubmissionResult decide(Player player, String lotteryId, List<List<Integer>> lines,
			List<Boolean> quickPicks, String key) {
		if (key == null || key.isBlank() || key.length() > 64) {
			return SubmissionResult.Rejected.of(SubmissionResult.Reason.MISSING_KEY);
		}
		String submissionKey = player.accountId() + ":" + key;
		Optional<BallotSlip> earlier = this.slips.findBySubmissionKey(submissionKey);
		if (earlier.isPresent()) {
			return new SubmissionResult.Accepted(earlier.get(), true);
		}
		if (!player.verified()) {
			return SubmissionResult.Rejected.of(SubmissionResult.Reason.NOT_VERIFIED);
		}
		Instant now = this.clock.instant();
		PlayStatus play = this.restrictions.status(player.accountId(), now);
		if (play.excluded()) {
			return SubmissionResult.Rejected.of(SubmissionResult.Reason.EXCLUDED);
		}
		Optional<Lottery> found = this.lotteries.findToPlay(lotteryId);
		Optional<Game> game = found.flatMap((lottery) -> this.games.find(lottery.gameId()));
		if (found.isEmpty() || game.isEmpty()) {
			return SubmissionResult.Rejected.of(SubmissionResult.Reason.UNKNOWN_LOTTERY);
		}
		Lottery lottery = found.get();
		if (!lottery.isOpenAt(now)) {
			return SubmissionResult.Rejected.of(SubmissionResult.Reason.CLOSED);
		}
		List<List<Integer>> entered = (lines != null)
				? lines.stream().filter((line) -> line != null && !line.isEmpty()).toList() : List.of();
		if (entered.isEmpty()) {
			return SubmissionResult.Rejected.of(SubmissionResult.Reason.NO_LINES);
		}
		if (entered.size() > this.properties.maxLines()) {
			return SubmissionResult.Rejected.of(SubmissionResult.Reason.TOO_MANY_LINES);
		}
		NumberRules rules = game.get().rules();
		Map<Integer, String> problems = new LinkedHashMap<>();
		List<List<Integer>> normalized = new ArrayList<>();
		for (int i = 0; i < entered.size(); i++) {
			Optional<NumberRules.Problem> problem = rules.check(entered.get(i));
			if (problem.isPresent()) {
				problems.put(i, problem.get().messageKey());
			}
			else {
				normalized.add(Arrays.stream(rules.normalize(entered.get(i))).boxed().toList());
			}
		}
		if (!problems.isEmpty()) {
			return new SubmissionResult.Rejected(SubmissionResult.Reason.INVALID_LINES, problems, 0);
		}
		return store(player, play, lottery, game.get(), normalized, flags(quickPicks, lines, entered.size()),
				submissionKey, now);
	}

	private SubmissionResult store(Player player, PlayStatus play, Lottery lottery, Game game,
			List<List<Integer>> lines, List<Boolean> quickPicks, String submissionKey, Instant now) {
		int count = lines.size();
		int limit = this.properties.limitPerLottery();
		if (count > limit) {
			return new SubmissionResult.Rejected(SubmissionResult.Reason.LIMIT_REACHED, Map.of(), limit);
		}
		String accountId = player.accountId();
		Optional<PlayCounts.LimitReached> over = this.counts.reserve(accountId, play, submissionKey, count);
		if (over.isPresent()) {
			return new SubmissionResult.Rejected(over.get().monthly() ? SubmissionResult.Reason.MONTHLY_LIMIT_REACHED
					: SubmissionResult.Reason.DAILY_LIMIT_REACHED, Map.of(), over.get().left());
		}
		Participation participation = new Participation(Participation.id(lottery.id(), accountId), lottery.id(),
				accountId, game.id(), lottery.drawDate(), 0, now);
		if (!this.slips.reserve(participation, submissionKey, count, limit)) {
			this.counts.release(accountId, play, submissionKey, count);
			long used = this.slips.findParticipation(participation.id()).map(Participation::ballots).orElse(0L);
			return new SubmissionResult.Rejected(SubmissionResult.Reason.LIMIT_REACHED, Map.of(),
					Math.max(0, limit - used));
		}
		// The slip gets its place and is stored with those of concurrent submissions. If
		// the database goes away meanwhile, the slip may or may not have been stored: the
		// counters keep this submission's key either way, so that the participant's retry
		// of the same form finds the slip, or stores it counted once.
		SlipWriter.Written written = this.writer.write(lottery.id(), count,
				(slipNumber) -> slip(player, lottery, game, lines, quickPicks, submissionKey, now, slipNumber));
		if (written.outcome() == SlipWriter.Outcome.DUPLICATE) {
			Optional<BallotSlip> same = this.slips.findBySubmissionKey(submissionKey);
			if (same.isPresent()) {
				// the same form, sent twice at once: the other request stored it, and the
				// counters hold its key once
				return new SubmissionResult.Accepted(same.get(), true);
			}
		}
		if (written.outcome() != SlipWriter.Outcome.STORED) {
			// closed when the slip was to get its place, or the draw sealed its place
			// before the slip could be stored
			this.slips.release(participation.id(), submissionKey, count);
			this.counts.release(accountId, play, submissionKey, count);
			return SubmissionResult.Rejected.of(SubmissionResult.Reason.CLOSED);
		}
		BallotSlip slip = written.slip();
		return new SubmissionResult.Accepted(slip, false);
	}

	/** The slip in its place, signed. */
	private BallotSlip slip(Player player, Lottery lottery, Game game, List<List<Integer>> lines,
			List<Boolean> quickPicks, String submissionKey, Instant now, long slipNumber) {
		BallotSlip slip = new BallotSlip(BallotSlip.id(lottery.id(), slipNumber), lottery.id(), game.id(),
				lottery.drawDate(), slipNumber, player.accountId(), now, lines, quickPicks,
				BallotSlip.receipt(game.code(), lottery.drawDate(), slipNumber), submissionKey, null,
				game.price() * lines.size(), salts(lottery.id(), slipNumber, lines.size()), null);
		return slip.signed(this.signer.sign(slip, lottery));
	}

	/**
	 * A fresh random salt for each line, so that the line's leaf in the ballot tree says
	 * nothing of its numbers before the ballots are published.
	 */
	private List<String> salts(String lotteryId, long slip, int count) {
		List<String> salts = new ArrayList<>(count);
		for (int line = 0; line < count; line++) {
			salts.add(HexFormat.of().formatHex(this.salts.salt(lotteryId, slip, line)));
		}
		return salts;
	}

	private static List<Boolean> flags(List<Boolean> quickPicks, List<List<Integer>> lines, int count) {
		List<Boolean> flags = new ArrayList<>();
		if (lines == null) {
			return flags;
		}
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i) != null && !lines.get(i).isEmpty()) {
				flags.add(quickPicks != null && i < quickPicks.size() && Boolean.TRUE.equals(quickPicks.get(i)));
			}
		}
		return flags.subList(0, Math.min(flags.size(), count));
	}

	/**
	 * Who submits.
	 *
	 * @param accountId the account
	 * @param verified whether the account's email is verified
	 */
	public record Player(String accountId, boolean verified) {
	}

}
