package com.novanta.account;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;

import com.novanta.account.profile.TimeZones;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The time-zone choices: common zones first, then every place by region with its offset
 * now (from the clock, not the calendar), and no name the time zone database keeps only
 * for compatibility.
 */
class TimeZonesTests {

	static final Instant WINTER = Instant.parse("2026-01-15T12:00:00Z");

	static final Instant SUMMER = Instant.parse("2026-07-15T12:00:00Z");

	final TimeZones winter = new TimeZones("Europe/Rome", Clock.fixed(WINTER, ZoneOffset.UTC));

	final TimeZones summer = new TimeZones("Europe/Rome", Clock.fixed(SUMMER, ZoneOffset.UTC));

	@Test
	void commonZonesComeFirstWithTheSitesZoneAtTheTop() {
		List<TimeZones.Group> groups = this.winter.groups("Europe/Rome", "Europe/Rome");

		assertThat(groups).extracting(TimeZones.Group::name)
			.containsExactly("common", "europe", "america", "asia", "africa", "pacific", "atlantic", "indian", "polar");
		assertThat(groups.get(0).zones()).extracting(TimeZones.Choice::label)
			.startsWith("Rome (UTC+01:00)", "London (UTC+00:00)")
			.contains("UTC", "New York (UTC-05:00)")
			.hasSizeLessThan(10);
		assertThat(groups.get(0).zones().get(0).selected()).isTrue();
		// selected once, in the common group, though Rome is in Europe too
		assertThat(groups.stream().flatMap((group) -> group.zones().stream()).filter(TimeZones.Choice::selected))
			.hasSize(1);
	}

	@Test
	void theParticipantsOwnZoneJoinsTheCommonGroup() {
		List<TimeZones.Group> groups = this.winter.groups("Asia/Tokyo", "Asia/Tokyo");

		assertThat(groups.get(0).zones()).extracting(TimeZones.Choice::id).endsWith("Asia/Tokyo");
		assertThat(groups.get(0).zones()).filteredOn(TimeZones.Choice::selected)
			.extracting(TimeZones.Choice::label)
			.containsExactly("Tokyo (UTC+09:00)");
		// an old name they still have is kept and offered, so that saving the profile
		// does not change it behind their back
		assertThat(this.winter.groups("Asia/Calcutta", "Asia/Calcutta").get(0).zones()).extracting(TimeZones.Choice::id)
			.endsWith("Asia/Calcutta");
	}

	@Test
	void aZoneChosenOutsideTheCommonGroupIsSelectedInItsRegion() {
		List<TimeZones.Group> groups = this.winter.groups("Europe/Rome", "Pacific/Auckland");

		assertThat(groups.stream()
			.filter((group) -> group.zones().stream().anyMatch(TimeZones.Choice::selected))
			.map(TimeZones.Group::name)).containsExactly("pacific");
	}

	@Test
	void offsetsAreThoseOfTheClocksInstant() {
		assertThat(label(this.winter, "europe", "Europe/Rome")).isEqualTo("Rome (UTC+01:00)");
		assertThat(label(this.summer, "europe", "Europe/Rome")).isEqualTo("Rome (UTC+02:00)");
		assertThat(label(this.summer, "america", "America/New_York")).isEqualTo("New York (UTC-04:00)");
		assertThat(label(this.winter, "asia", "Asia/Kolkata")).isEqualTo("Kolkata (UTC+05:30)");
		assertThat(label(this.winter, "pacific", "Pacific/Chatham")).isEqualTo("Chatham (UTC+13:45)");
		assertThat(label(this.winter, "america", "America/Argentina/Buenos_Aires"))
			.isEqualTo("Buenos Aires, Argentina (UTC-03:00)");
		assertThat(label(this.winter, "pacific", "Australia/Sydney")).isEqualTo("Sydney (UTC+11:00)");
	}

	@Test
	void onlyCurrentAreaCityNamesAreOffered() throws IOException {
		List<String> offered = this.winter.groups(null, null)
			.stream()
			.flatMap((group) -> group.zones().stream())
			.map(TimeZones.Choice::id)
			.toList();

		assertThat(offered).doesNotContain("US/Pacific", "Etc/GMT+3", "SystemV/AST4", "Asia/Calcutta",
				"America/Buenos_Aires", "Europe/Kiev", "Australia/NSW", "Asia/Saigon", "GMT", "Europe/Belfast");
		assertThat(offered).contains("Europe/Kyiv", "Asia/Kolkata", "Asia/Ho_Chi_Minh", "Europe/Vatican",
				"America/Indiana/Knox");
		assertThat(offered).allSatisfy((id) -> assertThat(id).matches("UTC|[A-Z][a-z]+/[A-Za-z0-9_/+-]+"));
		assertThat(TimeZones.CANONICAL).doesNotHaveDuplicates().hasSizeBetween(350, 450);
		// every old name left out has its replacement offered, keeping the same time now
		Properties deprecated = new Properties();
		try (InputStream in = TimeZones.class.getResourceAsStream(TimeZones.DEPRECATED)) {
			deprecated.load(in);
		}
		for (String old : deprecated.stringPropertyNames()) {
			String replacement = deprecated.getProperty(old);
			assertThat(TimeZones.CANONICAL).as(old).doesNotContain(old).contains(replacement);
			if (ZoneId.getAvailableZoneIds().contains(old)) {
				assertThat(ZoneId.of(old).getRules().getOffset(WINTER)).as(old)
					.isEqualTo(ZoneId.of(replacement).getRules().getOffset(WINTER));
			}
		}
	}

	@Test
	void acceptsExactlyWhatItOffersAndTheParticipantsOwnZone() {
		for (TimeZones.Group group : this.winter.groups("Europe/Rome", null)) {
			for (TimeZones.Choice zone : group.zones()) {
				assertThat(this.winter.isOffered(zone.id(), "Europe/Rome")).as(zone.id()).isTrue();
			}
		}
		assertThat(this.winter.isOffered("Asia/Calcutta", "Asia/Calcutta")).isTrue();
		for (String refused : new String[] { "Asia/Calcutta", "US/Pacific", "Etc/GMT+3", "+01:00", "Z", "GMT",
				"europe/rome", "Europe/Rome ", "Europe/Nowhere", "../../etc/passwd", "", null }) {
			assertThat(this.winter.isOffered(refused, "Europe/Rome")).as(refused).isFalse();
		}
		// a stored value that is no zone at all is not accepted back
		assertThat(this.winter.isOffered("Mars/Olympus", "Mars/Olympus")).isFalse();
	}

	private static String label(TimeZones zones, String group, String id) {
		return zones.groups(null, null)
			.stream()
			.filter((g) -> g.name().equals(group))
			.flatMap((g) -> g.zones().stream())
			.filter((zone) -> zone.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new AssertionError(id + " is not in " + group))
			.label();
	}

}
