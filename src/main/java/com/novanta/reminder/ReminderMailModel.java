package com.novanta.reminder;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.novanta.notification.MailModelProvider;

import org.springframework.stereotype.Component;

/**
 * The time left until the close, said when the reminder is sent rather than when it was
 * written (mail waits in the outbox while the SMTP server is down): "in about 2 hours",
 * "in 20 minutes", and "tonight at midnight" relative to the sending.
 */
@Component
class ReminderMailModel implements MailModelProvider {

	private final Clock clock;

	ReminderMailModel(Clock clock) {
		this.clock = clock;
	}

	@Override
	public boolean supports(String template) {
		return template.startsWith("reminder/");
	}

	@Override
	public Map<String, Object> provide(String template, Map<String, Object> model) {
		Object stored = model.get("closesAt");
		Instant closesAt = (stored instanceof Date date) ? date.toInstant()
				: (stored instanceof Instant instant) ? instant : this.clock.instant();
		Instant now = this.clock.instant();
		long minutes = ReminderRules.minutesLeft(closesAt, now);
		long hours = ReminderRules.aboutHours(minutes);
		Object game = model.getOrDefault("gameName", "");
		return Map.of("sentAt", now, "minutesLeft", minutes, "hoursLeft", hours, "subjectArgs",
				List.of(game, hours, minutes));
	}

}
