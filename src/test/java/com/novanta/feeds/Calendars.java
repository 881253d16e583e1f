package com.novanta.feeds;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.Temporal;
import java.util.List;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.validate.ValidationResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An iCalendar read by a real parser (ical4j, strict) and validated by its RFC 5545
 * rules; each line no longer than 75 octets.
 */
final class Calendars {

	private Calendars() {
	}

	static Calendar parse(String ics) throws Exception {
		for (String line : ics.split("\r\n")) {
			assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
		}
		assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
		Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
		ValidationResult result = calendar.validate();
		assertThat(result.hasErrors()).as("%s", result).isFalse();
		return calendar;
	}

	static List<VEvent> events(Calendar calendar) {
		return calendar.getComponents(Component.VEVENT);
	}

	static String value(Calendar calendar, String property) {
		return calendar.getProperty(property).map(Property::getValue).orElse(null);
	}

	static String value(VEvent event, String property) {
		return event.getProperty(property).map(Property::getValue).orElse(null);
	}

	static Instant instant(VEvent event, String property) {
		DateProperty<?> date = event.<DateProperty<?>>getProperty(property).orElseThrow();
		Temporal temporal = date.getDate();
		return Instant.from(temporal);
	}

}
