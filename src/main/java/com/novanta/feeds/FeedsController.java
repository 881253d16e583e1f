package com.novanta.feeds;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import com.novanta.format.Formats;
import com.novanta.game.Game;
import com.novanta.game.GameCatalog;
import com.novanta.web.VisitorFormats;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * A game's feeds: its latest draws as Atom, its history as CSV, its upcoming draws as
 * iCalendar. Words are in the reader's language (their language cookie, else their
 * browser's), so the answers that have words vary with both.
 */
@Controller
class FeedsController {

	static final MediaType ATOM = new MediaType("application", "atom+xml", StandardCharsets.UTF_8);

	static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

	private final OpenResults results;

	private final GameCatalog games;

	private final VisitorFormats formats;

	private final MessageSource messages;

	private final FeedLinks links;

	private final Clock clock;

	FeedsController(OpenResults results, GameCatalog games, VisitorFormats formats, MessageSource messages,
			FeedLinks links, Clock clock) {
		this.clock = clock;
		this.results = results;
		this.games = games;
		this.formats = formats;
		this.messages = messages;
		this.links = links;
	}

	@GetMapping("/feeds/{game}/atom.xml")
	ResponseEntity<String> atom(@PathVariable String game) {
		Game found = game(game);
		Formats words = this.formats.formats();
		return worded(ATOM)
			.body(AtomFeed.write(found, this.results.forFeed(found), words, this.messages, this.links.base()));
	}

	@GetMapping("/feeds/{game}/draws.csv")
	ResponseEntity<String> csv(@PathVariable String game) {
		Game found = game(game);
		return ResponseEntity.ok()
			.cacheControl(ResultsApiController.CACHE)
			.contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("novanta-" + found.id() + "-draws.csv").build().toString())
			.body(HistoryCsv.write(found, this.results.forCsv(found)));
	}

	@GetMapping("/feeds/{game}/calendar.ics")
	ResponseEntity<String> calendar(@PathVariable String game) {
		Game found = game(game);
		Formats words = this.formats.formats();
		return worded(CALENDAR)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("novanta-" + found.id() + ".ics").build().toString())
			.body(DrawCalendar.write(found, this.clock.instant(), words, this.messages, this.links.base()));
	}

	private static ResponseEntity.BodyBuilder worded(MediaType type) {
		return ResponseEntity.ok()
			.cacheControl(ResultsApiController.CACHE)
			.varyBy(HttpHeaders.ACCEPT_LANGUAGE, HttpHeaders.COOKIE)
			.contentType(type);
	}

	private Game game(String id) {
		return this.games.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
