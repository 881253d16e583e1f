package com.novanta.admin;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.novanta.audit.AuditAction;
import com.novanta.audit.AuditEvent;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Audit entries read as sentences, in English and Italian, from the real message bundles:
 * every kind the code records has one, values are written as people write them, and
 * entries of older versions (unknown kinds, unknown values, dumps) still read safely.
 */
class AuditSentencesTests {

	static final Locale ENGLISH = Locale.ENGLISH;

	static final Locale ITALIAN = Locale.ITALIAN;

	static final Instant AT = Instant.parse("2026-12-01T19:41:02Z");

	final AuditSentences sentences = new AuditSentences(bundle(), new AuditSentences.Formatting() {

		@Override
		public String dateTime(Instant instant) {
			return DateTimeFormatter.ofPattern("d/M/yyyy HH:mm").withZone(ZoneId.of("Europe/Rome")).format(instant);
		}

		@Override
		public String money(long cents) {
			return "EUR " + (cents / 100) + "." + String.format("%02d", cents % 100);
		}

		@Override
		public String number(long value) {
			return "#" + value;
		}

		@Override
		public String gameName(String gameId) {
			return "Game " + gameId;
		}

	});

	/**
	 * Every kind has a sentence in every language: a kind added to the code without one
	 * fails here (a missing message throws).
	 */
	@ParameterizedTest
	@EnumSource(AuditAction.class)
	void everyKindReadsAsASentenceInEveryLanguage(AuditAction kind) {
		for (Locale locale : List.of(ENGLISH, ITALIAN)) {
			String sentence = this.sentences.sentence(kind.name(), locale);
			assertThat(sentence).as("%s in %s", kind, locale)
				.isNotBlank()
				.doesNotContain(kind.name())
				.doesNotContain("audit.")
				.isNotEqualTo(this.sentences.sentence("NO_SUCH_KIND", locale));
		}
		assertThat(this.sentences.sentence(kind.name(), ENGLISH))
			.isNotEqualTo(this.sentences.sentence(kind.name(), ITALIAN));
	}

	@Test
	void aChangedLimitReadsFromBeforeToAfter() {
		Map<String, Object> before = limits(5, null, null);
		Map<String, Object> after = limits(10, null, null);
		AuditEvent event = event("PLAY_LIMITS_CHANGED", "account", "a1", before, after);

		assertThat(this.sentences.describe(event, ENGLISH).details())
			.containsExactly("Daily limit changed from 5 ballots to 10 ballots");
		assertThat(this.sentences.describe(event, ITALIAN).details())
			.containsExactly("Limite giornaliero: da 5 schedine a 10 schedine");
		assertThat(this.sentences.describe(event, ENGLISH).sentence()).isEqualTo("Changed their limits of ballots");
	}

	@Test
	void aWaitingRaiseShowsWhenItTakesEffectAsADateNotADump() {
		// read back from the database, instants are java.util.Date, whose toString is
		// "Wed Dec 02 19:41:02 UTC 2026"
		Date from = Date.from(AT.plusSeconds(86_400));
		AuditEvent event = event("PLAY_LIMITS_CHANGED", "account", "a1", limits(5, null, null), limits(5, 10, from));

		assertThat(this.sentences.describe(event, ENGLISH).details()).containsExactly(
				"Daily limit waiting to take effect changed from no limit to 10 ballots",
				"Daily limit waiting until changed from none to 2/12/2026 20:41");
	}

	@Test
	void rolesAndStatusesReadByTheirNames() {
		AuditEvent granted = event("ADMIN_ROLE_GRANTED", "account", "a1", Map.of("roles", List.of("PARTICIPANT")),
				Map.of("roles", List.of("PARTICIPANT", "ADMIN")));
		AuditEvent disabled = event("ACCOUNT_DISABLED", "account", "a1", Map.of("status", "ACTIVE"),
				Map.of("status", "DISABLED"));
		AuditEvent drawNow = event("ADMIN_DRAW_NOW", "lottery", "daily-2026-12-01", Map.of("status", "CLOSED"), null);
		AuditEvent retried = event("ADMIN_MAIL_RETRIED", "outbox", "m1", Map.of("status", "FAILED"),
				Map.of("status", "PENDING"));

		assertThat(this.sentences.describe(granted, ENGLISH).details())
			.containsExactly("Roles changed from participant to participant, admin");
		assertThat(this.sentences.describe(granted, ITALIAN).details())
			.containsExactly("Ruoli: da partecipante a partecipante, admin");
		assertThat(this.sentences.describe(disabled, ENGLISH).details())
			.containsExactly("Status changed from active to disabled");
		assertThat(this.sentences.describe(drawNow, ENGLISH).details()).containsExactly("Status was Closed, drawing");
		assertThat(this.sentences.describe(retried, ITALIAN).details())
			.containsExactly("Stato: da non riuscita a in attesa");
	}

	@Test
	void aDrawReadsItsNumbersItsBallotsAndItsPrizes() {
		AuditEvent drawn = event("LOTTERY_DRAWN", "lottery", "daily-2026-12-01", null,
				ordered("winningNumbers", List.of(3, 17, 42), "ballotDigest", "ab12", "ballots", 1234));
		AuditEvent settled = event("LOTTERY_SETTLED", "lottery", "daily-2026-12-01", null,
				ordered("ballots", 1234, "winners", 12, "totalPrizes", 123450L));

		AuditSentences.AuditLine line = this.sentences.describe(drawn, ENGLISH);
		assertThat(line.sentence()).isEqualTo("Drew the lottery");
		assertThat(line.details()).containsExactly("Winning numbers: 3, 17, 42", "Digest of the ballots: ab12",
				"Ballots: #1234");
		assertThat(line.subject()).isEqualTo("Lottery daily-2026-12-01");
		assertThat(line.subjectLink()).isEqualTo("/admin/lotteries/daily-2026-12-01");
		assertThat(line.actor()).isEqualTo("The system");
		assertThat(this.sentences.describe(settled, ENGLISH).details()).containsExactly("Ballots: #1234",
				"Winners: #12", "Prizes in all: EUR 1234.50");
	}

	@Test
	void anOverrideOfTheBeaconReadsItsRoundItsWaitAndItsPublicReason() {
		AuditEvent overridden = new AuditEvent("e", AT, "a1", "admin@example.com", "LOTTERY_BEACON_OVERRIDDEN",
				"lottery", "daily-2026-12-01", null,
				ordered("beaconRound", 12345678L, "beaconDue", Date.from(AT), "beaconWaitingSince", Date.from(AT),
						"beaconAttempts", 240L, "reason", "The beacon has been down for hours"),
				"10.0.0.1");

		AuditSentences.AuditLine line = this.sentences.describe(overridden, ENGLISH);
		assertThat(line.sentence()).startsWith("Drew the lottery without its public beacon round");
		// a round is a name, not an amount: no thousands separators
		assertThat(line.details()).containsExactly("Beacon round: 12345678", "Round due at: 1/12/2026 20:41",
				"Waiting for the round since: 1/12/2026 20:41", "Failed attempts: #240",
				"Public reason: The beacon has been down for hours");
		assertThat(this.sentences.describe(overridden, ITALIAN).details()).contains("Round del beacon: 12345678",
				"Motivo pubblico: The beacon has been down for hours");
	}

	@Test
	void aProfileChangeReadsEachFieldInWords() {
		AuditEvent event = event("PROFILE_UPDATED", "account", "a1",
				ordered("timeZone", "Europe/Rome", "language", "en", "noWinEmails", true),
				ordered("timeZone", "Europe/London", "language", "it", "noWinEmails", false));

		assertThat(this.sentences.describe(event, ENGLISH).details()).containsExactly(
				"Time zone changed from Europe/Rome to Europe/London", "Language changed from English to Italian",
				"\"No win\" emails changed from yes to no");
	}

	@Test
	void signInsSayHow() {
		AuditEvent device = event("SIGN_IN", "account", "a1", null, Map.of("method", "password (known device)"));
		AuditEvent google = event("SIGN_IN", "account", "a1", null, Map.of("method", "google"));

		assertThat(this.sentences.describe(device, ENGLISH).details())
			.containsExactly("How: password, on a known device");
		assertThat(this.sentences.describe(google, ITALIAN).details()).containsExactly("Come: Google");
		assertThat(this.sentences.describe(google, ITALIAN).sentence()).isEqualTo("Ha effettuato l'accesso");
	}

	@Test
	void anExportNamesItsCriteriaAndHidesTheOldDump() {
		AuditEvent now = event("ADMIN_WINNERS_EXPORTED", "winners", null, null,
				ordered("game", "daily", "date", "2026-12-01"));
		AuditEvent old = event("ADMIN_WINNERS_EXPORTED", "winners", null, null,
				Map.of("filter", "WinnerSearch[game=daily, from=null, to=null, date=, tier=null, email=null]"));

		assertThat(this.sentences.describe(now, ENGLISH).details()).containsExactly("Game: Game daily",
				"Draw date: 2026-12-01");
		assertThat(this.sentences.describe(old, ENGLISH).details()).isEmpty();
		assertThat(this.sentences.describe(old, ENGLISH).subjectLink()).isNull();
	}

	@Test
	void entriesOfOlderVersionsReadSafely() {
		Map<String, Object> odd = new LinkedHashMap<>();
		odd.put("nested", new Document("dailyLimit", 5));
		odd.put("listOfDocuments", List.of(new Document("a", 1)));
		odd.put("long", "x".repeat(5000));
		odd.put("binary", new Binary(new byte[] { 1, 2 }));
		AuditEvent event = event("SOMETHING_OLD", "spaceship", "<b>id</b>", null, odd);

		AuditSentences.AuditLine line = this.sentences.describe(event, ENGLISH);
		assertThat(line.sentence()).isEqualTo("Recorded \"SOMETHING_OLD\", a kind of entry this version does not know");
		assertThat(line.details()).containsExactly("nested: …", "listOfDocuments: …",
				"long: " + "x".repeat(AuditSentences.MAX_VALUE) + "…", "binary: …");
		assertThat(line.subject()).isEqualTo("spaceship <b>id</b>");
		assertThat(line.subjectLink()).isNull();
		assertThat(String.join(" ", line.details())).doesNotContain("{", "=");
		AuditEvent empty = new AuditEvent("e", AT, null, null, null, null, null, null, null, null);
		assertThat(this.sentences.describe(empty, ITALIAN).sentence()).contains("?");
		assertThat(this.sentences.describe(empty, ITALIAN).actor()).isEqualTo("Il sistema");
	}

	@Test
	void actorsWithoutAnAccountReadInWords() {
		AuditEvent failed = new AuditEvent("e", AT, null, "anonymous", "SIGN_IN_FAILED", "email", "eve@example.com",
				null, null, "10.0.0.1");
		AuditEvent listed = new AuditEvent("e", AT, null, "system (LOTTERY_ADMIN_EMAILS)", "ROLE_GRANTED", "account",
				"a1", null, null, null);

		assertThat(this.sentences.describe(failed, ENGLISH).actor()).isEqualTo("A visitor not signed in");
		assertThat(this.sentences.describe(failed, ENGLISH).subject()).isEqualTo("Email eve@example.com");
		assertThat(this.sentences.describe(listed, ITALIAN).actor()).isEqualTo("Il sistema (LOTTERY_ADMIN_EMAILS)");
	}

	@Test
	void theFilterListsEveryKindByItsSentence() {
		assertThat(this.sentences.kinds(ITALIAN)).hasSize(AuditAction.values().length)
			.extracting(AuditSentences.Kind::label)
			.isSorted()
			.contains("Ha effettuato l'accesso");
	}

	private static Map<String, Object> limits(Integer daily, Integer dailyPending, Date dailyPendingFrom) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("dailyLimit", daily);
		values.put("dailyPending", dailyPending);
		values.put("dailyPendingFrom", dailyPendingFrom);
		values.put("monthlyLimit", null);
		values.put("excludedUntil", null);
		return values;
	}

	private static Map<String, Object> ordered(Object... keysAndValues) {
		Map<String, Object> values = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			values.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return values;
	}

	private static AuditEvent event(String action, String targetType, String targetId, Map<String, Object> before,
			Map<String, Object> after) {
		return new AuditEvent("e1", AT, null, "system", action, targetType, targetId, before, after, null);
	}

	private static ResourceBundleMessageSource bundle() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
