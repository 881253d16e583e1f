package com.novanta.game;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** The games the lottery runs, as configured. */
@Component
public class GameCatalog {

	private final Map<String, Game> games = new LinkedHashMap<>();

	GameCatalog(GameProperties properties) {
		for (GameProperties.GameDefinition definition : properties.games()) {
			Game game = toGame(definition);
			if (this.games.putIfAbsent(game.id(), game) != null) {
				throw new IllegalStateException("Two games have the id " + game.id());
			}
		}
		if (this.games.isEmpty()) {
			throw new IllegalStateException("No game is configured (lottery.games)");
		}
	}

	public List<Game> all() {
		return List.copyOf(this.games.values());
	}

	public Optional<Game> find(String id) {
		return Optional.ofNullable(this.games.get(id));
	}

	public Game get(String id) {
		return find(id).orElseThrow(() -> new IllegalArgumentException("No game " + id));
	}

	private static Game toGame(GameProperties.GameDefinition d) {
		EnumSet<DayOfWeek> days = d.days().isEmpty() ? EnumSet.allOf(DayOfWeek.class) : EnumSet.copyOf(d.days());
		DrawSchedule schedule = new DrawSchedule(d.time(), days, ZoneId.of(d.zone()));
		List<PrizeTier> tiers = d.tiers()
			.stream()
			.map((t) -> t.jackpot() ? PrizeTier.jackpot(t.matches()) : PrizeTier.fixed(t.matches(), t.amount()))
			.toList();
		return new Game(d.id(), d.code(), d.name(), d.picks(), d.maxNumber(), schedule, d.daysAhead(), d.price(), tiers,
				d.jackpotSeed(), d.jackpotShare());
	}

}
