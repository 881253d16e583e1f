package com.novanta.feeds;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.novanta.feeds.ResultJson.ArchiveJson;
import com.novanta.feeds.ResultJson.DrawJson;
import com.novanta.feeds.ResultJson.ErrorJson;
import com.novanta.feeds.ResultJson.GameJson;
import com.novanta.game.Game;
import com.novanta.game.GameCatalog;
import com.novanta.lottery.Lottery;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The results as a read-only JSON API under {@value ResultJson.Api#BASE}: the games, a
 * game's latest draw, a page of its archive, one lottery, and the OpenAPI document that
 * describes them. Every answer can be cached (ETags come from
 * {@link FeedsConfiguration}); a refusal is JSON too.
 */
@Controller
@RequestMapping(path = ResultJson.Api.BASE, produces = MediaType.APPLICATION_JSON_VALUE)
class ResultsApiController {

	/** How long a client may keep an answer before asking again (with its ETag). */
	static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic();

	private final OpenResults results;

	private final GameCatalog games;

	private final MessageSource messages;

	private final byte[] openApi;

	ResultsApiController(OpenResults results, GameCatalog games, MessageSource messages) throws IOException {
		this.results = results;
		this.games = games;
		this.messages = messages;
		try (InputStream in = new ClassPathResource("feeds/openapi.json").getInputStream()) {
			this.openApi = in.readAllBytes();
		}
	}

	@GetMapping("/games")
	ResponseEntity<List<GameJson>> games() {
		return ok(this.games.all().stream().map(GameJson::of).toList());
	}

	@GetMapping("/games/{game}/latest")
	ResponseEntity<DrawJson> latest(@PathVariable String game) {
		Game found = game(game);
		Lottery lottery = this.results.latest(found).orElseThrow(() -> new NotFound("feeds.api.latest.none"));
		return ok(DrawJson.of(lottery, found));
	}

	@GetMapping("/games/{game}/draws")
	ResponseEntity<?> draws(@PathVariable String game, @RequestParam(required = false) String page,
			@RequestParam(required = false) String size) {
		Game found = game(game);
		ArchivePage asked = ArchivePage.of(page, size);
		if (!asked.isValid()) {
			Map<String, String> parameters = new LinkedHashMap<>();
			asked.errors()
				.forEach((name, key) -> parameters.put(name, message(key, ArchivePage.MAX_PAGE, ArchivePage.MAX_SIZE)));
			return ResponseEntity.badRequest()
				.body(new ErrorJson(400, HttpStatus.BAD_REQUEST.getReasonPhrase(), message("feeds.api.badRequest"),
						parameters));
		}
		long total = this.results.count(found);
		int pages = asked.pages(total);
		List<DrawJson> draws = this.results.page(found, asked).stream().map((d) -> DrawJson.of(d, found)).toList();
		Map<String, String> links = new LinkedHashMap<>();
		links.put("self", pageLink(found, asked.page(), asked.size()));
		links.put("first", pageLink(found, 1, asked.size()));
		links.put("last", pageLink(found, pages, asked.size()));
		links.put("prev", (asked.page() > 1) ? pageLink(found, Math.min(asked.page() - 1, pages), asked.size()) : null);
		links.put("next", (asked.page() < pages) ? pageLink(found, asked.page() + 1, asked.size()) : null);
		return ok(new ArchiveJson(found.id(), asked.page(), asked.size(), total, pages, draws, links));
	}

	@GetMapping("/lotteries/{id}")
	ResponseEntity<DrawJson> lottery(@PathVariable String id) {
		Lottery lottery = this.results.lottery(id).orElseThrow(() -> new NotFound("feeds.api.lottery.unknown"));
		return ok(DrawJson.of(lottery, this.games.get(lottery.gameId())));
	}

	@GetMapping("/openapi.json")
	ResponseEntity<byte[]> openApi() {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
			.contentType(MediaType.APPLICATION_JSON)
			.body(this.openApi);
	}

	@ExceptionHandler(NotFound.class)
	ResponseEntity<ErrorJson> notFound(NotFound ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.contentType(MediaType.APPLICATION_JSON)
			.body(new ErrorJson(404, HttpStatus.NOT_FOUND.getReasonPhrase(), message(ex.getMessage()), null));
	}

	private Game game(String id) {
		return this.games.find(id).orElseThrow(() -> new NotFound("feeds.api.game.unknown"));
	}

	private static String pageLink(Game game, int page, int size) {
		return ResultJson.Api.BASE + "/games/" + game.id() + "/draws?page=" + page + "&size=" + size;
	}

	private String message(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
	}

	private static <T> ResponseEntity<T> ok(T body) {
		return ResponseEntity.ok().cacheControl(CACHE).body(body);
	}

	/**
	 * An unknown game or lottery, or a game without draws: the message key says which.
	 */
	static final class NotFound extends RuntimeException {

		NotFound(String messageKey) {
			super(messageKey, null, false, false);
		}

	}

}
