package com.novanta.account.profile;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The time zones a participant can choose, as the account page offers them: a short group
 * of common zones first (the site's, a few of the most used, and the participant's own),
 * then every place by region, each with its offset from UTC now. Only the database's
 * current {@code Area/City} names are offered: not {@code US/Pacific}, {@code Etc/GMT+3}
 * or {@code SystemV/…}, nor the old names it keeps for compatibility
 * ({@code Asia/Calcutta}).
 */
public final class TimeZones {

	public static final String DEPRECATED = "/account/deprecated-time-zones.properties";

	private static final Pattern AREA_CITY = Pattern.compile("[A-Z][A-Za-z]+(/[A-Z][A-Za-z0-9_+-]+){1,2}");

	/** The regions, in the order the page shows them; each names a message. */
	static final Map<String, List<String>> REGIONS = regions();

	/** After the site's zone, the zones most participants choose. */
	static final List<String> COMMON = List.of("Europe/London", "Europe/Paris", "Europe/Berlin", "Europe/Madrid",
			"America/New_York", "UTC");

	/** Every zone offered, by region, sorted by name: the same whatever the time. */
	public static final List<String> CANONICAL = canonical();

	private final ZoneId siteZone;

	private final Clock clock;

	public TimeZones(String siteZone, Clock clock) {
		this.siteZone = ZoneId.of(siteZone);
		this.clock = clock;
	}

	/**
	 * The choices for a participant: the common group (with their zone, if it is
	 * elsewhere), then every region; the chosen zone is selected where it first appears.
	 * @param current the participant's zone, or {@code null}
	 * @param chosen the zone the form holds, or {@code null}
	 */
	public List<Group> groups(String current, String chosen) {
		Instant now = this.clock.instant();
		List<Group> groups = new ArrayList<>();
		Set<String> common = new LinkedHashSet<>();
		common.add(this.siteZone.getId());
		common.addAll(COMMON);
		if (current != null && isKnown(current)) {
			common.add(current);
		}
		groups.add(new Group("common", common.stream().map((id) -> choice(id, now, id.equals(chosen))).toList()));
		boolean selectInRegions = !common.contains(chosen);
		for (Map.Entry<String, List<String>> region : REGIONS.entrySet()) {
			List<Choice> zones = CANONICAL.stream()
				.filter((id) -> region.getValue().contains(area(id)))
				.map((id) -> choice(id, now, selectInRegions && id.equals(chosen)))
				.sorted(Comparator.comparing(Choice::label))
				.toList();
			groups.add(new Group(region.getKey(), zones));
		}
		return groups;
	}

	/**
	 * Whether a participant may choose a zone: one offered, or the one they have (which
	 * may be an old name an earlier version offered: saving the rest of the profile must
	 * not make them choose again).
	 */
	public boolean isOffered(String id, String current) {
		if (id == null) {
			return false;
		}
		return CANONICAL.contains(id) || COMMON.contains(id) || id.equals(this.siteZone.getId())
				|| (id.equals(current) && isKnown(id));
	}

	/** "Rome (UTC+01:00)", "Buenos Aires, Argentina (UTC-03:00)". */
	static Choice choice(String id, Instant at, boolean selected) {
		ZoneId zone = ZoneId.of(id);
		ZoneOffset offset = zone.getRules().getOffset(at);
		String utc = "UTC" + (offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId());
		if ("UTC".equals(id)) {
			return new Choice(id, "UTC", selected);
		}
		String[] parts = id.split("/");
		String city = parts[parts.length - 1].replace('_', ' ');
		String place = (parts.length == 3) ? city + ", " + parts[1].replace('_', ' ') : city;
		return new Choice(id, place + " (" + utc + ")", selected);
	}

	private static boolean isKnown(String id) {
		try {
			ZoneId.of(id);
			return id.length() <= 64;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static String area(String id) {
		return id.substring(0, id.indexOf('/'));
	}

	private static Map<String, List<String>> regions() {
		Map<String, List<String>> regions = new LinkedHashMap<>();
		regions.put("europe", List.of("Europe"));
		regions.put("america", List.of("America"));
		regions.put("asia", List.of("Asia"));
		regions.put("africa", List.of("Africa"));
		regions.put("pacific", List.of("Australia", "Pacific"));
		regions.put("atlantic", List.of("Atlantic"));
		regions.put("indian", List.of("Indian"));
		regions.put("polar", List.of("Antarctica", "Arctic"));
		return regions;
	}

	private static List<String> canonical() {
		Properties deprecated = new Properties();
		try (InputStream in = TimeZones.class.getResourceAsStream(DEPRECATED)) {
			deprecated.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Set<String> available = ZoneId.getAvailableZoneIds();
		Set<String> areas = new LinkedHashSet<>();
		regions().values().forEach(areas::addAll);
		return available.stream()
			.filter((id) -> AREA_CITY.matcher(id).matches() && areas.contains(area(id)))
			// an old name goes only where this Java knows its replacement
			.filter((id) -> !available.contains(deprecated.getProperty(id, "")))
			.sorted()
			.toList();
	}

	/**
	 * A zone as offered.
	 *
	 * @param id its id
	 * @param label the place and its offset now
	 * @param selected whether the form holds it (and it appears here first)
	 */
	public record Choice(String id, String label, boolean selected) {
	}

	/**
	 * A group of zones.
	 *
	 * @param name {@code common} or a region, naming the message
	 * {@code timeZone.group.<name>}
	 * @param zones its zones
	 */
	public record Group(String name, List<Choice> zones) {
	}

}
