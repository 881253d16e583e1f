package com.novanta.ballot;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import com.novanta.account.CurrentAccount;
import com.novanta.game.GameCatalog;
import com.novanta.lottery.Lotteries;
import com.novanta.lottery.Lottery;
import com.novanta.web.RequestParameters;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * "My ballots": the signed-in participant's slips, newest first, and one slip with its
 * receipt.
 */
@Controller
class MyBallotsController {

	static final String LIST_VIEW = "ballot/mine";

	static final String PAGE_FRAGMENT = "ballot/mine :: page";

	static final String SLIP_VIEW = "ballot/slip";

	static final int PAGE_SIZE = 10;

	private final MyBallots myBallots;

	private final GameCatalog games;

	private final Lotteries lotteries;

	private final BallotProofs proofs;

	private final ReceiptSigner signer;

	MyBallotsController(MyBallots myBallots, GameCatalog games, Lotteries lotteries, BallotProofs proofs,
			ReceiptSigner signer) {
		this.signer = signer;
		this.myBallots = myBallots;
		this.games = games;
		this.lotteries = lotteries;
		this.proofs = proofs;
	}

	@GetMapping("/my/ballots")
	String list(@AuthenticationPrincipal CurrentAccount me, @RequestParam(required = false) String game,
			@RequestParam(required = false) String date, @RequestParam(required = false) String result,
			@RequestParam(required = false) String cursor, Model model) {
		fill(me, game, date, result, cursor, model);
		return LIST_VIEW;
	}

	/** "Load more": the next page, appended under the previous ones. */
	@HxRequest
	@GetMapping("/my/ballots")
	String more(@AuthenticationPrincipal CurrentAccount me, @RequestParam(required = false) String game,
			@RequestParam(required = false) String date, @RequestParam(required = false) String result,
			@RequestParam(required = false) String cursor, Model model) {
		fill(me, game, date, result, cursor, model);
		return PAGE_FRAGMENT;
	}

	@GetMapping("/my/ballots/{slipId}")
	String slip(@AuthenticationPrincipal CurrentAccount me, @PathVariable String slipId, Model model) {
		BallotView view = this.myBallots.find(me.id(), slipId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("view", view);
		Optional<Lottery> lottery = this.lotteries.find(view.slip().lotteryId());
		model.addAttribute("lottery", lottery.orElse(null));
		model.addAttribute("statement",
				lottery.map((l) -> ReceiptSigner.statement(view.slip(), l.seedCommitment())).orElse(null));
		model.addAttribute("receiptKey", this.signer.publicKeyHex());
		model
			.addAttribute("proofs",
					lottery.map((drawn) -> IntStream.range(0, view.slip().lines().size())
						.mapToObj((line) -> this.proofs.proof(drawn, view.slip(), line).orElse(null))
						.toList()).orElse(List.of()));
		return SLIP_VIEW;
	}

	/**
	 * The signed receipt as a file to keep: the statement, its signature and the key it
	 * is checked with.
	 */
	@GetMapping(path = "/my/ballots/{slipId}/receipt.txt", produces = MediaType.TEXT_PLAIN_VALUE)
	ResponseEntity<String> signedReceipt(@AuthenticationPrincipal CurrentAccount me, @PathVariable String slipId) {
		BallotView view = this.myBallots.find(me.id(), slipId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		BallotSlip slip = view.slip();
		Lottery lottery = this.lotteries.find(slip.lotteryId())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (slip.signature() == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		String text = ReceiptSigner.statement(slip, lottery.seedCommitment()) + "signature " + slip.signature()
				+ "\nkey " + this.signer.publicKeyHex() + "\n";
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(slip.receipt() + ".txt").build().toString())
			.body(text);
	}

	private void fill(CurrentAccount me, String game, String date, String result, String cursor, Model model) {
		String after = (cursor != null && !cursor.isEmpty()) ? cursor : null;
		if (after != null && !MineKey.isOrder(after)) {
			// only a link of this page makes a cursor
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		String gameId = (game != null && this.games.find(game).isPresent()) ? game : null;
		LocalDate drawDate = RequestParameters.date(date);
		BallotView.Result only = BallotView.Result.parse(result);
		MyBallots.Page page = this.myBallots.page(me.id(), new MyBallots.Filter(gameId, drawDate, only), after,
				PAGE_SIZE);
		model.addAttribute("page", page);
		model.addAttribute("games", this.games.all());
		model.addAttribute("game", gameId);
		model.addAttribute("date", drawDate);
		model.addAttribute("result", (only != null) ? only.param() : null);
		model.addAttribute("cursor", after);
		model.addAttribute("dateInvalid", date != null && !date.isBlank() && drawDate == null);
	}

}
