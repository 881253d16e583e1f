package com.novanta.account;

import java.time.ZoneId;
import java.util.List;

/** The time zones a participant can choose: the named regions, sorted. */
final class TimeZones {

	static final List<String> CHOICES = ZoneId.getAvailableZoneIds()
		.stream()
		.filter((id) -> id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/"))
		.sorted()
		.toList();

	private TimeZones() {
	}

	static boolean isValid(String id) {
		return id != null && (CHOICES.contains(id) || "UTC".equals(id));
	}

}
