package com.novanta.admin;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import com.novanta.account.AccountAdministration;
import com.novanta.account.AccountSummary;
import com.novanta.account.Accounts;
import com.novanta.account.CurrentAccount;
import com.novanta.account.Participant;
import com.novanta.audit.AuditAction;
import com.novanta.audit.AuditLog;
import com.novanta.config.FormFields;
import com.novanta.game.GameCatalog;
import com.novanta.game.PrizeTier;
import com.novanta.web.RequestParameters;
import com.novanta.winner.Winner;
import com.novanta.winner.Winners;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** Every winner: filter, find, open one, export the filtered list as CSV. */
@Controller
class AdminWinnersController {

	static final String LIST_VIEW = "admin/winners";

	static final String SHOW_VIEW = "admin/winner";

	static final int PAGE_SIZE = 25;

	private final Winners winners;

	private final Accounts accounts;

	private final AccountAdministration administration;

	private final GameCatalog games;

	private final AuditLog audit;

	AdminWinnersController(Winners winners, Accounts accounts, AccountAdministration administration, GameCatalog games,
			AuditLog audit) {
		this.winners = winners;
		this.accounts = accounts;
		this.administration = administration;
		this.games = games;
		this.audit = audit;
	}

	@GetMapping("/admin/winners")
	String list(WinnerSearch search, @RequestParam(defaultValue = "1") int page, Model model) {
		Resolved resolved = resolve(search);
		int current = RequestParameters.page(page, PAGE_SIZE);
		long total = resolved.filter().map(this.winners::count).orElse(0L);
		model.addAttribute("winners",
				resolved.filter()
					.map((filter) -> this.winners.search(filter, (current - 1) * PAGE_SIZE, PAGE_SIZE))
					.orElse(List.of()));
		model.addAttribute("names", names(model));
		model.addAttribute("search", search);
		model.addAttribute("problems", resolved.problems());
		model.addAttribute("games", this.games.all());
		model.addAttribute("tiers", tiers());
		model.addAttribute("total", total);
		model.addAttribute("page", current);
		model.addAttribute("pages", Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE));
		return LIST_VIEW;
	}

	@GetMapping("/admin/winners/{id}")
	String show(@PathVariable String id, Model model) {
		Winner winner = this.winners.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("winner", winner);
		model.addAttribute("account", this.administration.find(winner.accountId()).orElse(null));
		return SHOW_VIEW;
	}

	/** The filtered list as CSV, streamed. */
	@GetMapping("/admin/winners.csv")
	void export(WinnerSearch search, @AuthenticationPrincipal CurrentAccount me, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		Resolved resolved = resolve(search);
		if (!resolved.problems().isEmpty()) {
			response.sendError(HttpStatus.BAD_REQUEST.value());
			return;
		}
		this.audit.record(new AuditLog.Actor(me.id(), me.email(), request.getRemoteAddr()),
				AuditAction.ADMIN_WINNERS_EXPORTED, "winners", null, null, search.recorded());
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"winners.csv\"");
		PrintWriter out = new PrintWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
		out.print('\ufeff');
		out.println("draw_date,game,lottery,receipt,line,numbers,matched,tier,prize_eur,name,email,city");
		Map<String, Optional<Participant>> cache = new HashMap<>();
		try (Stream<Winner> winners = resolved.filter().map(this.winners::stream).orElse(Stream.empty())) {
			winners.forEach((winner) -> {
				Participant account = cache.computeIfAbsent(winner.accountId(), this.accounts::find).orElse(null);
				out.println(String.join(",", csv(winner.drawDate().toString()), csv(winner.gameId()),
						csv(winner.lotteryId()), csv(winner.receipt()), String.valueOf(winner.line() + 1),
						csv(joined(winner.numbers())), csv(joined(winner.matched())), String.valueOf(winner.tier()),
						(winner.prize() != null) ? String.format(Locale.ROOT, "%.2f", winner.prize() / 100.0) : "",
						csv((account != null) ? account.name() : ""), csv((account != null) ? account.email() : ""),
						csv((account != null && account.city() != null) ? account.city() : "")));
			});
		}
		out.flush();
	}

	private Map<String, String> names(Model model) {
		Map<String, String> names = new HashMap<>();
		@SuppressWarnings("unchecked")
		List<Winner> winners = (List<Winner>) model.getAttribute("winners");
		if (winners != null) {
			for (Participant account : this.accounts
				.findAll(winners.stream().map(Winner::accountId).distinct().toList())) {
				names.put(account.id(), account.name() + " <" + account.email() + ">");
			}
		}
		return names;
	}

	private Resolved resolve(WinnerSearch search) {
		List<String> problems = new ArrayList<>();
		LocalDate from = date(search.from(), "admin.winners.fromInvalid", problems);
		LocalDate to = date(search.to(), "admin.winners.toInvalid", problems);
		LocalDate on = date(search.date(), "admin.winners.dateInvalid", problems);
		if (on != null) {
			from = on;
			to = on;
		}
		if (from != null && to != null && from.isAfter(to)) {
			problems.add("admin.winners.rangeInvalid");
		}
		String gameId = (search.game() != null && this.games.find(search.game()).isPresent()) ? search.game() : null;
		Integer tier = null;
		if (search.tier() != null && !search.tier().isBlank()) {
			try {
				tier = Integer.valueOf(search.tier().trim());
			}
			catch (NumberFormatException ex) {
				problems.add("admin.winners.tierInvalid");
			}
		}
		String accountId = null;
		if (search.email() != null && !search.email().isBlank()) {
			Optional<AccountSummary> account = this.administration.findByEmail(search.email());
			if (account.isEmpty()) {
				return new Resolved(Optional.empty(), problems);
			}
			accountId = account.get().id();
		}
		if (!problems.isEmpty()) {
			return new Resolved(Optional.empty(), problems);
		}
		return new Resolved(Optional.of(new Winners.WinnerFilter(gameId, from, to, tier, accountId)), problems);
	}

	private static LocalDate date(String value, String problem, List<String> problems) {
		LocalDate date = RequestParameters.date(value);
		if (date == null && value != null && !value.isBlank()) {
			problems.add(problem);
		}
		return date;
	}

	private static String joined(List<Integer> numbers) {
		return String.join(" ", numbers.stream().map(String::valueOf).toList());
	}

	/** A CSV field, quoted, with spreadsheet formulas defused. */
	static String csv(String value) {
		String text = (value != null) ? value : "";
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		return "\"" + text.replace("\"", "\"\"") + "\"";
	}

	/**
	 * Every number of matches some game pays for, most first: the tier filter's choices.
	 */
	private List<Integer> tiers() {
		return this.games.all()
			.stream()
			.flatMap((game) -> game.tiers().stream())
			.map(PrizeTier::matches)
			.distinct()
			.sorted(Comparator.reverseOrder())
			.toList();
	}

	/**
	 * The winners' search form.
	 *
	 * @param game a game id
	 * @param from from this draw date
	 * @param to to this draw date
	 * @param date this draw date
	 * @param tier numbers matched
	 * @param email a participant's email
	 */
	@FormFields({ "game", "from", "to", "date", "tier", "email" })
	record WinnerSearch(String game, String from, String to, String date, String tier, String email) {

		/** The criteria given, for the audit log. */
		Map<String, Object> recorded() {
			Map<String, Object> values = new LinkedHashMap<>();
			BiConsumer<String, String> put = (name, value) -> {
				if (value != null && !value.isBlank()) {
					values.put(name, value.trim());
				}
			};
			put.accept("game", this.game);
			put.accept("from", this.from);
			put.accept("to", this.to);
			put.accept("date", this.date);
			put.accept("tier", this.tier);
			put.accept("email", this.email);
			return values;
		}

	}

	private record Resolved(Optional<Winners.WinnerFilter> filter, List<String> problems) {
	}

}
