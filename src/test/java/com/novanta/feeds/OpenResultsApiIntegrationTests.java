package com.novanta.feeds;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import com.novanta.account.TestParticipants;
import com.novanta.lottery.DrawHistory;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.TestLotteries;
import com.novanta.testing.DatabaseSnapshot;
import com.novanta.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The open results' JSON API on the embedded database, against lotteries drawn and
 * settled by the draw pipeline: what it says is what was drawn and recorded, never
 * anything of who played; every answer cacheable (200 with an ETag, then 304); bad
 * parameters and unknown games a JSON 4xx that changes nothing; GET only; and the OpenAPI
 * document describes exactly what is mapped.
 */
@IntegrationTest
class OpenResultsApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	MongoOperations mongo;

	OpenResultsFixture fixture;

	@BeforeEach
	void setUp() {
		this.fixture = new OpenResultsFixture(this.context);
	}

	@Test
	void aLotteryHasItsNumbersPrizeBreakdownAndVerificationData() throws Exception {
		Lottery lottery = this.fixture.newest();
		MockHttpServletResponse response = this.mvc.perform(get("/api/v1/lotteries/{id}", lottery.id()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(response.getContentType()).startsWith("application/json");
		DocumentContext json = JsonPath.parse(response.getContentAsString());

		assertThat(json.read("$.lottery", String.class)).isEqualTo(lottery.id());
		assertThat(json.read("$.game", String.class)).isEqualTo("daily");
		assertThat(json.read("$.drawDate", String.class)).isEqualTo(lottery.drawDate().toString());
		assertThat(json.read("$.drawTime", String.class)).isEqualTo(lottery.closesAt().toString());
		assertThat(json.read("$.drawnAt", String.class)).isEqualTo(lottery.drawnAt().toString());
		assertThat(json.read("$.status", String.class)).isEqualTo("SETTLED");
		assertThat(json.read("$.winningNumbers", List.class)).isEqualTo(lottery.winningNumbers());
		assertThat(json.read("$.results.currency", String.class)).isEqualTo("EUR");
		assertThat(json.read("$.results.ballots", Long.class)).isEqualTo(1L);
		assertThat(json.read("$.results.jackpotCents", Long.class)).isEqualTo(lottery.summary().jackpot());
		assertThat(json.read("$.results.rolledOverCents", Long.class)).isEqualTo(lottery.summary().rolledOver());
		assertThat(json.read("$.results.totalPrizesCents", Long.class)).isEqualTo(lottery.summary().totalPrizes())
			.isEqualTo(2_500L);
		List<Map<String, Object>> tiers = json.read("$.results.tiers");
		assertThat(tiers).extracting((tier) -> tier.get("matches")).containsExactly(6, 5, 4, 3, 2);
		for (Map<String, Object> tier : tiers) {
			int matches = (Integer) tier.get("matches");
			assertThat(((Number) tier.get("winners")).longValue()).isEqualTo(lottery.summary().winnersOf(matches));
			assertThat(((Number) tier.get("prizeCents")).longValue()).isEqualTo(lottery.summary().prizeOf(matches));
			assertThat(tier.get("jackpot")).isEqualTo(matches == 6);
		}
		assertThat(tiers.get(3)).containsEntry("winners", 1).containsEntry("prizeCents", 2500);
		assertThat(json.read("$.verification.recipe", Integer.class)).isEqualTo(lottery.recipe());
		assertThat(json.read("$.verification.seedCommitment", String.class)).isEqualTo(lottery.seedCommitment());
		assertThat(json.read("$.verification.ballotDigest", String.class)).isEqualTo(lottery.ballotDigest());
		assertThat(json.read("$.verification.seed", String.class)).isEqualTo(lottery.seed()).isNotBlank();
		assertThat(json.read("$.verification.beaconRound", Long.class)).isEqualTo(lottery.beacon().round());
		assertThat(json.read("$.verification.drawData", String.class))
			.isEqualTo("/lotteries/" + lottery.id() + "/draw.json");
		assertThat(json.read("$.links.html", String.class)).isEqualTo("/lotteries/" + lottery.id());
		assertThat(response.getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("max-age=60, public");
		assertThat(response.getHeader(HttpHeaders.ETAG)).isNotBlank();
	}

	@Test
	void anOpenLotteryHasNoNumbersNorSeedYet() throws Exception {
		Lottery open = new TestLotteries(this.context).open("saturday");
		DocumentContext json = JsonPath.parse(this.mvc.perform(get("/api/v1/lotteries/{id}", open.id()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(json.read("$.status", String.class)).isEqualTo("OPEN");
		assertThat(json.read("$.winningNumbers", Object.class)).isNull();
		assertThat(json.read("$.results", Object.class)).isNull();
		assertThat(json.read("$.drawnAt", Object.class)).isNull();
		assertThat(json.read("$.verification.seed", Object.class)).isNull();
		assertThat(json.read("$.verification.seedCommitment", String.class)).isEqualTo(open.seedCommitment());
	}

	@Test
	void theLatestDrawOfAGameIsItsNewest() throws Exception {
		DocumentContext json = JsonPath.parse(this.mvc.perform(get("/api/v1/games/daily/latest"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(json.read("$.lottery", String.class)).isEqualTo(this.fixture.newest().id());
		assertThat(json.read("$.verification.seed", String.class)).isEqualTo(this.fixture.newest().seed());
	}

	@Test
	void theArchivePagesNewestFirstWithLinks() throws Exception {
		long total = this.context.getBean(DrawHistory.class).count("daily");
		int pages = (int) ((total + 1) / 2);
		DocumentContext first = archive("1", "2");
		assertThat(first.read("$.game", String.class)).isEqualTo("daily");
		assertThat(first.read("$.total", Long.class)).isEqualTo(total).isGreaterThanOrEqualTo(3);
		assertThat(first.read("$.pages", Integer.class)).isEqualTo(pages);
		assertThat(first.read("$.draws[*].lottery", List.class)).containsExactly(this.fixture.drawn.get(0).id(),
				this.fixture.drawn.get(1).id());
		assertThat(first.read("$.draws[0].winningNumbers", List.class))
			.isEqualTo(this.fixture.drawn.get(0).winningNumbers());
		assertThat(first.read("$.draws[0].results.tiers[3].winners", Integer.class)).isEqualTo(1);
		assertThat(first.read("$.draws[0].verification", Object.class)).isNull();
		assertThat(first.read("$.links.self", String.class)).isEqualTo("/api/v1/games/daily/draws?page=1&size=2");
		assertThat(first.read("$.links.prev", Object.class)).isNull();
		assertThat(first.read("$.links.next", String.class)).isEqualTo("/api/v1/games/daily/draws?page=2&size=2");
		assertThat(first.read("$.links.last", String.class))
			.isEqualTo("/api/v1/games/daily/draws?page=" + pages + "&size=2");

		DocumentContext second = archive("2", "2");
		assertThat(second.read("$.draws[0].lottery", String.class)).isEqualTo(this.fixture.drawn.get(2).id());
		assertThat(second.read("$.links.prev", String.class)).isEqualTo("/api/v1/games/daily/draws?page=1&size=2");

		DocumentContext past = archive("50000", "2");
		assertThat(past.read("$.draws", List.class)).isEmpty();
		assertThat(past.read("$.links.next", Object.class)).isNull();
		assertThat(past.read("$.links.prev", String.class))
			.isEqualTo("/api/v1/games/daily/draws?page=" + pages + "&size=2");

		DocumentContext defaults = JsonPath.parse(this.mvc.perform(get("/api/v1/games/daily/draws"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(defaults.read("$.page", Integer.class)).isEqualTo(1);
		assertThat(defaults.read("$.size", Integer.class)).isEqualTo(20);
	}

	@Test
	void theGamesSayWhereTheirResultsAre() throws Exception {
		DocumentContext json = JsonPath.parse(this.mvc.perform(get("/api/v1/games"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(json.read("$[*].id", List.class)).containsExactly("daily", "saturday");
		assertThat(json.read("$[0].picks", Integer.class)).isEqualTo(6);
		assertThat(json.read("$[0].links.atom", String.class)).isEqualTo("/feeds/daily/atom.xml");
		assertThat(json.read("$[1].links.calendar", String.class)).isEqualTo("/feeds/saturday/calendar.ics");
	}

	@Test
	void anUnknownGameOrLotteryIsAJson404() throws Exception {
		DatabaseSnapshot before = DatabaseSnapshot.take(this.mongo);
		for (String[] asked : new String[][] { { "/api/v1/games/bingo/latest", "There is no such game." },
				{ "/api/v1/games/bingo/draws", "There is no such game." },
				{ "/api/v1/games/<script>/draws", "There is no such game." },
				{ "/api/v1/lotteries/daily-1999-01-01", "There is no such lottery." } }) {
			MockHttpServletResponse response = this.mvc.perform(get(asked[0])).andReturn().getResponse();
			assertThat(response.getStatus()).as(asked[0]).isEqualTo(404);
			assertThat(response.getContentType()).as(asked[0]).startsWith("application/json");
			DocumentContext json = JsonPath.parse(response.getContentAsString());
			assertThat(json.read("$.status", Integer.class)).isEqualTo(404);
			assertThat(json.read("$.message", String.class)).as(asked[0]).isEqualTo(asked[1]);
			assertThat(response.getContentAsString()).doesNotContain("Exception").doesNotContain("<script>");
		}
		before.assertUnchanged();
	}

	@Test
	void badPagingIsAJson400WithAMessagePerParameter() throws Exception {
		DatabaseSnapshot before = DatabaseSnapshot.take(this.mongo);
		MockHttpServletResponse response = this.mvc
			.perform(get("/api/v1/games/daily/draws").param("page", "0").param("size", "101"))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(400);
		DocumentContext json = JsonPath.parse(response.getContentAsString());
		assertThat(json.read("$.message", String.class)).isEqualTo("Please check the parameters.");
		assertThat(json.read("$.parameters.page", String.class))
			.isEqualTo("The page is a whole number from 1 to 50,000.");
		assertThat(json.read("$.parameters.size", String.class)).isEqualTo("The size is a whole number from 1 to 100.");

		DocumentContext italian = JsonPath.parse(this.mvc
			.perform(get("/api/v1/games/daily/draws").param("size", "x").header(HttpHeaders.ACCEPT_LANGUAGE, "it"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(italian.read("$.parameters.size", String.class))
			.isEqualTo("La dimensione è un numero intero da 1 a 100.");
		before.assertUnchanged();
	}

	@Test
	void everyAnswerHasAnETagAndIsNotSentAgainWhileItHolds() throws Exception {
		Lottery lottery = this.fixture.newest();
		for (String path : List.of("/api/v1/games", "/api/v1/games/daily/latest", "/api/v1/games/daily/draws?size=5",
				"/api/v1/lotteries/" + lottery.id(), "/api/v1/openapi.json", "/feeds/daily/atom.xml",
				"/feeds/daily/draws.csv", "/feeds/saturday/calendar.ics")) {
			MockHttpServletResponse first = this.mvc.perform(get(path)).andReturn().getResponse();
			assertThat(first.getStatus()).as(path).isEqualTo(200);
			String etag = first.getHeader(HttpHeaders.ETAG);
			assertThat(etag).as(path).matches("\"[0-9a-f]{32,}\"");
			assertThat(first.getHeader(HttpHeaders.CACHE_CONTROL)).as(path).contains("public").contains("max-age=");
			assertThat(first.getContentAsByteArray()).as(path).isNotEmpty();

			MockHttpServletResponse again = this.mvc.perform(get(path).header(HttpHeaders.IF_NONE_MATCH, etag))
				.andReturn()
				.getResponse();
			assertThat(again.getStatus()).as(path).isEqualTo(304);
			assertThat(again.getContentAsByteArray()).as(path).isEmpty();
			assertThat(again.getHeader(HttpHeaders.ETAG)).as(path).isEqualTo(etag);

			MockHttpServletResponse stale = this.mvc.perform(get(path).header(HttpHeaders.IF_NONE_MATCH, "\"0abc\""))
				.andReturn()
				.getResponse();
			assertThat(stale.getStatus()).as(path).isEqualTo(200);
		}
	}

	@Test
	void onlyGetIsAnsweredAndNothingElseChangesAnything() throws Exception {
		DatabaseSnapshot before = DatabaseSnapshot.take(this.mongo);
		for (String path : List.of("/api/v1/games", "/api/v1/games/daily/draws",
				"/api/v1/lotteries/" + this.fixture.newest().id(), "/feeds/daily/atom.xml", "/feeds/daily/draws.csv",
				"/feeds/daily/calendar.ics")) {
			for (HttpMethod method : List.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.PATCH)) {
				assertThat(this.mvc.perform(request(method, path)).andReturn().getResponse().getStatus())
					.as("%s %s", method, path)
					.isEqualTo(405);
			}
			assertThat(this.mvc.perform(post(path).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(405);
		}
		before.assertUnchanged();

		// and so the CSRF token these paths do without protects nothing there
		RequestMappingHandlerMapping mapping = this.context.getBean("requestMappingHandlerMapping",
				RequestMappingHandlerMapping.class);
		mapping.getHandlerMethods().forEach((info, handler) -> {
			for (String pattern : info.getPatternValues()) {
				if (pattern.startsWith("/api/") || pattern.startsWith("/feeds/")) {
					assertThat(info.getMethodsCondition().getMethods()).as(pattern).containsExactly(RequestMethod.GET);
				}
			}
		});
	}

	@Test
	void nothingOfWhoPlayedOrWonIsEverInThem() throws Exception {
		Lottery lottery = this.fixture.newest();
		// the winner shares their city and prize on the lottery's page
		this.mvc
			.perform(post("/my/wins/{slip}/{line}/publicity", this.fixture.slip.id(), 0).param("shareCity", "true")
				.param("sharePrize", "true")
				.with(TestParticipants.signedIn(this.fixture.player))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(
				this.mvc.perform(get("/lotteries/{id}", lottery.id())).andReturn().getResponse().getContentAsString())
			.contains("Zelda Q.")
			.contains("Bergamo");

		List<String> personal = List.of("Zelda", "Quartermaine", "Bergamo", this.fixture.player.email(),
				this.fixture.player.id(), this.fixture.slip.id(), this.fixture.slip.receipt(),
				this.fixture.slip.salts().get(0), this.fixture.slip.signature());
		for (String path : List.of("/api/v1/games", "/api/v1/games/daily/latest", "/api/v1/games/daily/draws",
				"/api/v1/lotteries/" + lottery.id(), "/feeds/daily/atom.xml", "/feeds/daily/draws.csv",
				"/feeds/daily/calendar.ics")) {
			String body = this.mvc.perform(get(path))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			for (String value : personal) {
				if (value != null) {
					assertThat(body).as("%s holds nothing of the player", path).doesNotContain(value);
				}
			}
		}
		// and a lottery's JSON holds exactly what the OpenAPI document describes
		DocumentContext json = JsonPath.parse(this.mvc.perform(get("/api/v1/lotteries/{id}", lottery.id()))
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(json.read("$", Map.class).keySet())
			.containsExactlyInAnyOrderElementsOf(components(ResultJson.DrawJson.class));
	}

	@Test
	void theOpenApiDocumentDescribesEveryMappedPathAndItsParameters() throws Exception {
		DocumentContext served = JsonPath.parse(this.mvc.perform(get("/api/v1/openapi.json"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(served.read("$.openapi", String.class)).startsWith("3.");
		Map<String, Map<String, Object>> paths = served.read("$.paths");

		RequestMappingHandlerMapping mapping = this.context.getBean("requestMappingHandlerMapping",
				RequestMappingHandlerMapping.class);
		Set<String> mapped = new TreeSet<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
			for (String pattern : entry.getKey().getPatternValues()) {
				if (!pattern.startsWith("/api/") && !pattern.startsWith("/feeds/")) {
					continue;
				}
				mapped.add(pattern);
				assertThat(paths).as("the document has %s", pattern).containsKey(pattern);
				Map<String, Object> operation = (Map<String, Object>) paths.get(pattern).get("get");
				assertThat(operation).as("GET %s", pattern).isNotNull();
				List<Map<String, Object>> documented = (List<Map<String, Object>>) operation.getOrDefault("parameters",
						List.of());
				assertThat(documented).extracting((parameter) -> parameter.get("in") + " " + parameter.get("name"))
					.as("the parameters of %s", pattern)
					.containsExactlyInAnyOrderElementsOf(parameters(entry.getValue()));
				assertThat((Map<String, Object>) operation.get("responses")).as(pattern)
					.containsKeys("200", "304", "429");
			}
		}
		assertThat(paths.keySet()).as("nothing documented that is not mapped")
			.containsExactlyInAnyOrderElementsOf(mapped);

		// each schema has exactly the fields of the record that is written
		Map<String, Class<?>> schemas = Map.of("Game", ResultJson.GameJson.class, "Draw", ResultJson.DrawJson.class,
				"Results", ResultJson.ResultsJson.class, "Tier", ResultJson.TierJson.class, "Verification",
				ResultJson.VerificationJson.class, "Archive", ResultJson.ArchiveJson.class, "Error",
				ResultJson.ErrorJson.class);
		Map<String, Object> documented = served.read("$.components.schemas");
		assertThat(documented.keySet()).containsExactlyInAnyOrderElementsOf(schemas.keySet());
		schemas.forEach((name, type) -> {
			Map<String, Object> properties = served.read("$.components.schemas." + name + ".properties");
			List<String> required = served.read("$.components.schemas." + name + ".required");
			assertThat(properties.keySet()).as(name).containsExactlyInAnyOrderElementsOf(components(type));
			assertThat(required).as(name).containsExactlyInAnyOrderElementsOf(components(type));
		});
		assertThat(served.jsonString())
			.isEqualTo(JsonPath.parse(new ClassPathResource("feeds/openapi.json").getInputStream()).jsonString());
	}

	private DocumentContext archive(String page, String size) throws Exception {
		return JsonPath.parse(this.mvc.perform(get("/api/v1/games/daily/draws").param("page", page).param("size", size))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	private static List<String> components(Class<?> record) {
		return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
	}

	/** "path game", "query page"... */
	private static Set<String> parameters(HandlerMethod handler) {
		Set<String> names = new HashSet<>();
		for (MethodParameter parameter : handler.getMethodParameters()) {
			parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
			PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
			if (path != null) {
				names.add("path " + (path.value().isEmpty() ? parameter.getParameterName() : path.value()));
			}
			RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
			if (query != null) {
				names.add("query " + (query.value().isEmpty() ? parameter.getParameterName() : query.value()));
			}
		}
		return names;
	}

}
