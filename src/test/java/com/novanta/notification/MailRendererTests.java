package com.novanta.notification;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link MailRenderer} and {@link MailConfiguration} do for every email: the balls
 * of the numbers matched and not, the links' base, and Jakarta Mail's stream provider.
 */
class MailRendererTests {

	private static final Pattern BALL = Pattern.compile("<span style=\"([^\"]*)\">(\\d+)</span>");

	private final MockEnvironment environment = new MockEnvironment();

	private final MailRenderer renderer = new MailRenderer(messages(), this.environment, List.of());

	private static StaticMessageSource messages() {
		StaticMessageSource messages = new StaticMessageSource();
		messages.addMessage("mail.test.balls.subject", Locale.ENGLISH, "Balls");
		return messages;
	}

	@Test
	void ballsMatchedAreGreenAndTheOthersYellowInTheOrderGiven() {
		String html = render(List.of(3, 14, 27, 45, 61, 90), List.of(14, 61)).html();
		Matcher ball = BALL.matcher(html);
		StringBuilder seen = new StringBuilder();
		while (ball.find()) {
			assertThat(ball.group(1)).startsWith("display:inline-block;min-width:28px;");
			boolean green = ball.group(1).contains("background:#2fa56a;color:#ffffff;");
			boolean yellow = ball.group(1).contains("background:#f2b705;color:#14213d;");
			assertThat(green).isNotEqualTo(yellow);
			seen.append(ball.group(2)).append(green ? "+ " : " ");
		}
		assertThat(seen.toString().trim()).isEqualTo("3 14+ 27 45 61+ 90");
	}

	@Test
	void withNothingMatchedEveryBallIsYellow() {
		String html = render(List.of(1, 2, 3, 4, 5, 6), null).html();
		assertThat(html).doesNotContain("#2fa56a");
		assertThat(BALL.matcher(html).results().count()).isEqualTo(6);
	}

	@Test
	void theLinksBaseIsThePublicUrlWithoutItsLastSlash() {
		this.environment.setProperty("lottery.public-url", "https://lotto.example/");
		assertThat(this.renderer.baseUrl()).isEqualTo("https://lotto.example");
		assertThat(render(List.of(1), null).text()).isEqualTo("https://lotto.example/my/ballots\n");
	}

	@Test
	void withoutAPublicUrlTheLinksGoToThePortTheServerTookAndAreKeptOnceTheApplicationIsReady() {
		this.environment.setProperty("server.port", "9090");
		// before the web server has started: its configured port, not kept
		assertThat(this.renderer.baseUrl()).isEqualTo("http://localhost:9090");
		this.environment.setProperty("local.server.port", "41234");
		assertThat(this.renderer.baseUrl()).isEqualTo("http://localhost:41234");
		this.renderer.keepBaseUrl();
		// the port a server took does not change while it runs: it is kept
		this.environment.setProperty("local.server.port", "1");
		assertThat(render(List.of(1), null).html()).contains("href=\"http://localhost:41234/my/ballots\"");
	}

	@Test
	void jakartaMailIsToldItsStreamProviderOnceMailIsConfigured() throws Exception {
		// what loading the configuration class does; nothing else in the tests sets it
		Class.forName(MailConfiguration.class.getName(), true, MailConfiguration.class.getClassLoader());
		assertThat(System.getProperty(MailConfiguration.STREAM_PROVIDER))
			.isEqualTo(MailConfiguration.ANGUS_STREAM_PROVIDER);
		assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(MailConfiguration.ANGUS_STREAM_PROVIDER);
	}

	@Test
	void aBatchsValuesAreReadOnceForAllItsMessagesAndEachGetsItsOwn() {
		NumbersProvider provider = new NumbersProvider(false);
		MailRenderer renderer = new MailRenderer(messages(), this.environment, List.of(provider));
		List<OutboxMessage> batch = List.of(message("a", 1), message("b", 2), message("c", 3));
		Map<String, Map<String, Object>> provided = renderer.provideAll(batch);
		assertThat(provider.batches).isEqualTo(1);
		for (OutboxMessage message : batch) {
			int n = (int) message.model().get("n");
			assertThat(numbers(renderer.render(message, provided).html())).containsExactly(n, n * 10);
		}
		assertThat(provider.single).isZero();
	}

	@Test
	void whenABatchsReadFailsEachMessageReadsItsOwn() {
		NumbersProvider provider = new NumbersProvider(true);
		MailRenderer renderer = new MailRenderer(messages(), this.environment, List.of(provider));
		List<OutboxMessage> batch = List.of(message("a", 1), message("b", 2));
		Map<String, Map<String, Object>> provided = renderer.provideAll(batch);
		assertThat(provided).isEmpty();
		assertThat(numbers(renderer.render(batch.get(1), provided).html())).containsExactly(2, 20);
		assertThat(provider.single).isEqualTo(1);
	}

	private static OutboxMessage message(String id, int n) {
		return OutboxMessage.create(id, id + "@example.com", "test/balls", "en", null, Map.of("n", n), Map.of(), "test",
				Instant.EPOCH);
	}

	private static List<Integer> numbers(String html) {
		return BALL.matcher(html).results().map((ball) -> Integer.parseInt(ball.group(2))).toList();
	}

	/** Each message's numbers are its n and ten times n. */
	private static final class NumbersProvider implements MailModelProvider {

		private final boolean batchFails;

		private int batches;

		private int single;

		NumbersProvider(boolean batchFails) {
			this.batchFails = batchFails;
		}

		@Override
		public boolean supports(String template) {
			return template.startsWith("test/");
		}

		@Override
		public Map<String, Object> provide(String template, Map<String, Object> model) {
			this.single++;
			return values(model);
		}

		@Override
		public List<Map<String, Object>> provideAll(String template, List<Map<String, Object>> models) {
			this.batches++;
			if (this.batchFails) {
				throw new IllegalStateException("the database is away");
			}
			return models.stream().map(NumbersProvider::values).toList();
		}

		private static Map<String, Object> values(Map<String, Object> model) {
			int n = (int) model.get("n");
			Map<String, Object> values = new HashMap<>();
			values.put("numbers", List.of(n, n * 10));
			values.put("matched", null);
			return values;
		}

	}

	private MailRenderer.Rendered render(List<Integer> numbers, List<Integer> matched) {
		Map<String, Object> model = new HashMap<>();
		model.put("numbers", numbers);
		model.put("matched", matched);
		return this.renderer.render(OutboxMessage.create("k", "ada@example.com", "test/balls", "en", "Europe/Rome",
				model, Map.of(), "test", Instant.EPOCH));
	}

}
