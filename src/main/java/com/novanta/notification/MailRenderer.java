package com.novanta.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.novanta.format.Formats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Renders an outbox message from its templates: {@code templates/mail/<name>.html} and
 * {@code .txt}, in the recipient's language and time zone. The subject is the message
 * {@code mail.<name>.subject} (with {@code /} replaced by {@code .}), given the model's
 * {@code subjectArgs}.
 */
@Component
class MailRenderer {

	private static final Logger log = LoggerFactory.getLogger(MailRenderer.class);

	private final TemplateEngine engine;

	private final MessageSource messages;

	private final Environment environment;

	private final List<MailModelProvider> providers;

	/** The site's time zone, for recipients without one of their own. */
	private final ZoneId siteZone;

	/**
	 * The links' base, once the application is ready (read for every email, the
	 * environment's look-ups were a few percent of sending one).
	 */
	private volatile String baseUrl;

	MailRenderer(MessageSource messages, Environment environment, List<MailModelProvider> providers) {
		this.providers = providers;
		this.messages = messages;
		this.environment = environment;
		this.siteZone = ZoneId.of(environment.getProperty("lottery.accounts.time-zone", "Europe/Rome"));
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateEngineMessageSource(messages);
		engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html", "*", 1));
		engine.addTemplateResolver(resolver(TemplateMode.TEXT, "", "*.txt", 2));
		this.engine = engine;
	}

	private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, String pattern, int order) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/mail/");
		resolver.setSuffix(suffix);
		resolver.setTemplateMode(mode);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCheckExistence(true);
		resolver.setCacheable(true);
		resolver.setOrder(order);
		resolver.setResolvablePatterns(Set.of(pattern));
		return resolver;
	}

	Rendered render(OutboxMessage message) {
		return render(message, Map.of());
	}

	/**
	 * What the providers add to each of a batch's messages, read together: by message id,
	 * for the messages whose providers read theirs at once. A message not in it gets its
	 * values when it is rendered (so a batch's read that fails costs no message more than
	 * its own read would).
	 */
	Map<String, Map<String, Object>> provideAll(List<OutboxMessage> batch) {
		Map<String, List<OutboxMessage>> byTemplate = new LinkedHashMap<>();
		for (OutboxMessage message : batch) {
			if (message.model() != null) {
				byTemplate.computeIfAbsent(message.template(), (template) -> new ArrayList<>()).add(message);
			}
		}
		Map<String, Map<String, Object>> provided = new HashMap<>();
		byTemplate.forEach((template, messages) -> {
			List<MailModelProvider> supporting = this.providers.stream()
				.filter((provider) -> provider.supports(template))
				.toList();
			if (messages.size() < 2 || supporting.isEmpty()) {
				return;
			}
			List<Map<String, Object>> models = messages.stream().map(OutboxMessage::model).toList();
			try {
				List<Map<String, Object>> values = new ArrayList<>();
				models.forEach((model) -> values.add(new HashMap<>()));
				for (MailModelProvider provider : supporting) {
					List<Map<String, Object>> more = provider.provideAll(template, models);
					for (int i = 0; i < more.size(); i++) {
						values.get(i).putAll(more.get(i));
					}
				}
				for (int i = 0; i < messages.size(); i++) {
					provided.put(messages.get(i).id(), values.get(i));
				}
			}
			catch (RuntimeException ex) {
				log.debug("event=mail-model-batch-failed template={} reason={}", template, ex.toString());
			}
		});
		return provided;
	}

	/**
	 * Renders a message with what {@link #provideAll} read for its batch, else with its
	 * providers' values read now.
	 */
	Rendered render(OutboxMessage message, Map<String, Map<String, Object>> provided) {
		Locale locale = Locale.forLanguageTag((message.locale() != null) ? message.locale() : "en");
		ZoneId zone = zone(message.timeZone());
		MailFormats formats = new MailFormats(Formats.of(this.messages, locale, zone));
		Context context = new Context(locale);
		if (message.model() != null) {
			context.setVariables(message.model());
			Map<String, Object> read = provided.get(message.id());
			if (read != null) {
				context.setVariables(read);
			}
			else {
				for (MailModelProvider provider : this.providers) {
					if (provider.supports(message.template())) {
						context.setVariables(provider.provide(message.template(), message.model()));
					}
				}
			}
		}
		context.setVariable("baseUrl", baseUrl());
		context.setVariable("fmt", formats);
		String html = this.engine.process(message.template(), context);
		String text = this.engine.process(message.template() + ".txt", context);
		Object[] subjectArgs = (context.getVariable("subjectArgs") instanceof List<?> args)
				? args.stream().map(formats::subjectArg).toArray() : new Object[0];
		String subject = this.messages.getMessage("mail." + message.template().replace('/', '.') + ".subject",
				subjectArgs, locale);
		return new Rendered(subject, html, text);
	}

	String baseUrl() {
		String known = this.baseUrl;
		return (known != null) ? known : currentBaseUrl();
	}

	/**
	 * Keeps the links' base once the application is ready: the web server, if there is
	 * one, has its port by then.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void keepBaseUrl() {
		this.baseUrl = currentBaseUrl();
	}

	private String currentBaseUrl() {
		String url = this.environment.getProperty("lottery.public-url");
		if (url == null || url.isBlank()) {
			// the port the web server took (a random one in tests)
			url = "http://localhost:" + this.environment.getProperty("local.server.port",
					this.environment.getProperty("server.port", "8080"));
		}
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	/** The recipient's time zone, else the site's, as on the pages. */
	private ZoneId zone(String id) {
		try {
			return (id != null && !id.isBlank()) ? ZoneId.of(id) : this.siteZone;
		}
		catch (RuntimeException ex) {
			return this.siteZone;
		}
	}

	record Rendered(String subject, String html, String text) {
	}

	/**
	 * The recipient's {@link Formats} for mail templates, taking the values as an email's
	 * stored model holds them (dates as text, instants as dates).
	 */
	public static final class MailFormats {

		private final Formats formats;

		MailFormats(Formats formats) {
			this.formats = formats;
		}

		/** "1 Dec 2026, 19:41". */
		public String dateTime(Object value) {
			return this.formats.shortDateTime(toInstant(value));
		}

		/** "Tuesday 1 December 2026, 00:00". */
		public String longDateTime(Object value) {
			return this.formats.dateTime(toInstant(value));
		}

		/** "Tuesday 1 December 2026". */
		public String date(Object value) {
			return this.formats.date(toDate(value));
		}

		/** "1 Dec 2026". */
		public String shortDate(Object value) {
			return this.formats.shortDate(toDate(value));
		}

		public String money(Object cents) {
			return this.formats.money((cents instanceof Number number) ? number.longValue() : 0);
		}

		/** "€1,000,012": a jackpot, in whole euros. */
		public String wholeMoney(Object cents) {
			return this.formats.wholeMoney((cents instanceof Number number) ? number.longValue() : 0);
		}

		/**
		 * "Draw tonight at midnight · play until 23:59", as the pages say it, relative to
		 * {@code now} (when the message is sent).
		 */
		public String draw(Object closesAt, Object now) {
			Instant close = toInstant(closesAt);
			Instant at = toInstant(now);
			return (close != null && at != null) ? this.formats.draw(close, at) : "";
		}

		/** A subject's argument: dates and instants as in the body, the rest as it is. */
		Object subjectArg(Object value) {
			if (value instanceof LocalDate date) {
				return date(date);
			}
			if (value instanceof Instant || value instanceof Date) {
				return longDateTime(value);
			}
			return value;
		}

		private static LocalDate toDate(Object value) {
			if (value instanceof LocalDate local) {
				return local;
			}
			return (value instanceof String text) ? LocalDate.parse(text) : null;
		}

		private static Instant toInstant(Object value) {
			if (value instanceof Instant instant) {
				return instant;
			}
			if (value instanceof Date date) {
				return date.toInstant();
			}
			return null;
		}

	}

}
