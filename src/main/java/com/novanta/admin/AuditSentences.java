package com.novanta.admin;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import com.novanta.audit.AuditAction;
import com.novanta.audit.AuditEvent;
import org.bson.types.ObjectId;

import org.springframework.context.MessageSource;

/**
 * An audit entry as an admin reads it: a sentence per kind from the message bundle
 * ({@code audit.event.<KIND>}), and one line per value it recorded ("Daily limit changed
 * from 5 ballots to 10 ballots"), each value in words: dates in the reader's time zone,
 * money as money, roles and statuses by their names. Entries outlive the code that wrote
 * them, so a kind or a value this version does not know still shows, as plain text, and
 * nothing is ever printed with {@code toString}.
 */
class AuditSentences {

	/** Values longer than this are cut: an entry is read in a table cell. */
	static final int MAX_VALUE = 200;

	/** Fields of older entries that held a {@code toString} dump: never shown. */
	private static final Set<String> HIDDEN = Set.of("filter");

	private static final Set<String> BALLOT_LIMITS = Set.of("dailyLimit", "dailyPending", "monthlyLimit",
			"monthlyPending");

	private static final Set<String> MONEY = Set.of("totalPrizes", "prize");

	private final MessageSource messages;

	private final Formatting formatting;

	AuditSentences(MessageSource messages, Formatting formatting) {
		this.messages = messages;
		this.formatting = formatting;
	}

	/** Every entry, in order. */
	List<AuditLine> describe(List<AuditEvent> events, Locale locale) {
		return events.stream().map((event) -> describe(event, locale)).toList();
	}

	AuditLine describe(AuditEvent event, Locale locale) {
		return new AuditLine(event.at(), actor(event.actorEmail(), locale), event.clientAddress(),
				sentence(event.action(), locale), details(event, locale), subject(event, locale), subjectLink(event));
	}

	/** The sentence of a kind, or of an unknown one. */
	String sentence(String action, Locale locale) {
		return AuditAction.of(action)
			.map((kind) -> message("audit.event." + kind.name(), locale))
			.orElseGet(() -> message("audit.event.unknown", locale, cut(Objects.toString(action, "?"))));
	}

	/** Every kind, by its sentence, for the filter. */
	List<Kind> kinds(Locale locale) {
		return Arrays.stream(AuditAction.values())
			.map((kind) -> new Kind(kind.name(), sentence(kind.name(), locale)))
			.sorted(Comparator.comparing(Kind::label))
			.toList();
	}

	/** One line per value recorded: changed, set, or as it was. */
	List<String> details(AuditEvent event, Locale locale) {
		Map<String, Object> before = (event.before() != null) ? event.before() : Map.of();
		Map<String, Object> after = (event.after() != null) ? event.after() : Map.of();
		Set<String> fields = new LinkedHashSet<>(after.keySet());
		fields.addAll(before.keySet());
		List<String> lines = new ArrayList<>();
		for (String field : fields) {
			if (field == null || HIDDEN.contains(field)) {
				continue;
			}
			String label = label(field, locale);
			boolean was = before.containsKey(field);
			boolean is = after.containsKey(field);
			if (was && is) {
				String from = value(event, field, before.get(field), locale);
				String to = value(event, field, after.get(field), locale);
				if (!from.equals(to)) {
					lines.add(message("audit.change", locale, label, from, to));
				}
			}
			else if (is) {
				lines.add(message("audit.value", locale, label, value(event, field, after.get(field), locale)));
			}
			else {
				lines.add(message("audit.was", locale, label, value(event, field, before.get(field), locale)));
			}
		}
		return lines;
	}

	private String label(String field, Locale locale) {
		return this.messages.getMessage("audit.field." + field, null, cut(field), locale);
	}

	/** A value in words. */
	String value(AuditEvent event, String field, Object value, Locale locale) {
		if (value == null) {
			return message(BALLOT_LIMITS.contains(field) ? "audit.value.noLimit" : "audit.value.none", locale);
		}
		if (value instanceof Boolean yes) {
			return message(yes ? "audit.value.yes" : "audit.value.no", locale);
		}
		if (value instanceof Date date) {
			return this.formatting.dateTime(date.toInstant());
		}
		if (value instanceof Instant instant) {
			return this.formatting.dateTime(instant);
		}
		if (value instanceof Number number) {
			if (MONEY.contains(field)) {
				return this.formatting.money(number.longValue());
			}
			if (BALLOT_LIMITS.contains(field)) {
				return message("limits.ballots", locale, number.longValue());
			}
			// numbers that name something: no thousands separators
			if ("winningNumbers".equals(field) || "beaconRound".equals(field)) {
				return String.valueOf(number.longValue());
			}
			if (number instanceof Double || number instanceof Float || number instanceof BigDecimal) {
				return NumberFormat.getNumberInstance(locale).format(number);
			}
			return this.formatting.number(number.longValue());
		}
		if (value instanceof Collection<?> values) {
			if (values.isEmpty()) {
				return message("audit.value.none", locale);
			}
			return cut(values.stream()
				.map((element) -> (element instanceof Collection<?> || element instanceof Map<?, ?>) ? "…"
						: value(event, field, element, locale))
				.collect(Collectors.joining(", ")));
		}
		if (value instanceof CharSequence || value instanceof Enum<?> || value instanceof ObjectId) {
			return word(event, field, cut(String.valueOf(value)), locale);
		}
		// a document, or a value of a type this version does not know how to write
		return "…";
	}

	/** A text value: some are names of things with a name in the bundle. */
	private String word(AuditEvent event, String field, String value, Locale locale) {
		if ("game".equals(field)) {
			return this.formatting.gameName(value);
		}
		String key = switch (field) {
			case "status" -> switch (Objects.toString(event.targetType(), "")) {
				case "lottery" -> "lottery.status." + value;
				case "outbox" -> "audit.outboxStatus." + value;
				case "account" -> "audit.accountStatus." + value;
				default -> null;
			};
			case "roles" -> "audit.role." + value;
			case "language" -> "audit.language." + value;
			// "password (known device)" reads audit.method.password.known.device
			case "method", "provider", "identities" -> "audit.method." + value.replaceAll("[()]", "").replace(' ', '.');
			default -> null;
		};
		return (key != null) ? this.messages.getMessage(key, null, value, locale) : value;
	}

	private String actor(String description, Locale locale) {
		if (description == null || "system".equals(description)) {
			return message("audit.actor.system", locale);
		}
		if ("anonymous".equals(description)) {
			return message("audit.actor.anonymous", locale);
		}
		if (description.startsWith("system (")) {
			return message("audit.actor.system", locale) + description.substring("system".length());
		}
		return cut(description);
	}

	private String subject(AuditEvent event, Locale locale) {
		if (event.targetType() == null) {
			return "";
		}
		String type = this.messages.getMessage("audit.target." + event.targetType(), null, cut(event.targetType()),
				locale);
		return (event.targetId() != null) ? type + " " + cut(event.targetId()) : type;
	}

	/** Where an admin reads more about what the entry is about. */
	private static String subjectLink(AuditEvent event) {
		if (event.targetId() == null || !event.targetId().matches("[A-Za-z0-9_-]{1,100}")) {
			return null;
		}
		return switch (Objects.toString(event.targetType(), "")) {
			case "account" -> "/admin/participants/" + event.targetId();
			case "lottery" -> "/admin/lotteries/" + event.targetId();
			case "winner" -> "/admin/winners/" + event.targetId();
			default -> null;
		};
	}

	private String message(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

	private static String cut(String text) {
		return (text.length() > MAX_VALUE) ? text.substring(0, MAX_VALUE) + "…" : text;
	}

	/** How values are written: the site's formats, in the reader's language and zone. */
	interface Formatting {

		String dateTime(Instant instant);

		String money(long cents);

		String number(long value);

		String gameName(String gameId);

	}

	/**
	 * An entry in words.
	 *
	 * @param at when
	 * @param actor who, in words
	 * @param clientAddress from where, if a request caused it
	 * @param sentence what happened
	 * @param details the values, one sentence each
	 * @param subject what it is about, for example "Account 65f…"
	 * @param subjectLink the admin page of that, if there is one
	 */
	record AuditLine(Instant at, String actor, String clientAddress, String sentence, List<String> details,
			String subject, String subjectLink) {
	}

	/**
	 * A kind of entry to filter by.
	 *
	 * @param name its name, as stored
	 * @param label its sentence
	 */
	record Kind(String name, String label) {
	}

}
