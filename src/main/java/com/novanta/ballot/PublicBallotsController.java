package com.novanta.ballot;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.Predicate;

import com.novanta.lottery.Lotteries;
import com.novanta.lottery.Lottery;
import com.novanta.web.RequestParameters;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * A lottery's public ballot data: its leaf hashes once its digest is published, and its
 * anonymised ballots once it is drawn, as downloads and as a paged table. Before then
 * they do not exist (404).
 */
@Controller
class PublicBallotsController {

	static final String VIEW = "ballot/public";

	/** Slips per page of the table (up to ten ballots each). */
	static final int PAGE_SLIPS = 50;

	private static final int BUFFER = 64 * 1024;

	private final Lotteries lotteries;

	private final PublicBallots ballots;

	PublicBallotsController(Lotteries lotteries, PublicBallots ballots) {
		this.lotteries = lotteries;
		this.ballots = ballots;
	}

	/** One leaf hash a line, hex, in slip and line order. */
	@GetMapping("/lotteries/{id}/leaves.txt")
	void leaves(@PathVariable String id, HttpServletResponse response) throws IOException {
		Lottery lottery = find(id, PublicBallots::leavesArePublic);
		stream(response, "text/plain;charset=UTF-8", null, (out) -> this.ballots.writeLeaves(lottery, out));
	}

	/** Every ballot as a line of JSON, in slip and line order. */
	@GetMapping("/lotteries/{id}/ballots.jsonl")
	void download(@PathVariable String id, HttpServletResponse response) throws IOException {
		Lottery lottery = find(id, PublicBallots::ballotsArePublic);
		stream(response, "application/jsonl;charset=UTF-8", id + "-ballots.jsonl",
				(out) -> this.ballots.writeBallots(lottery, out));
	}

	@GetMapping("/lotteries/{id}/ballots")
	String table(@PathVariable String id, @RequestParam(defaultValue = "1") int page, Model model) {
		Lottery lottery = find(id, PublicBallots::ballotsArePublic);
		long pages = Math.max(1, (lottery.slots() + PAGE_SLIPS - 1) / PAGE_SLIPS);
		int current = (int) Math.min(RequestParameters.page(page, PAGE_SLIPS), pages);
		long from = (long) (current - 1) * PAGE_SLIPS + 1;
		model.addAttribute("lottery", lottery);
		model.addAttribute("rows", this.ballots.rows(lottery, from, from + PAGE_SLIPS - 1));
		model.addAttribute("page", current);
		model.addAttribute("pages", pages);
		return VIEW;
	}

	private Lottery find(String id, Predicate<Lottery> published) {
		return this.lotteries.find(id)
			.filter(published)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	/**
	 * Writes the answer as it is read: nothing is written before the lottery is found, so
	 * a lottery not yet published is a plain 404.
	 */
	private static void stream(HttpServletResponse response, String contentType, String attachment,
			Consumer<Writer> body) throws IOException {
		response.setContentType(contentType);
		if (attachment != null) {
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + attachment + "\"");
		}
		Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
				BUFFER);
		body.accept(out);
		out.flush();
	}

}
