package com.novanta.feeds;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import com.novanta.format.Formats;
import com.novanta.game.Game;
import com.novanta.lottery.LotterySummary;
import com.novanta.lottery.PastDraw;

import org.springframework.context.MessageSource;

/**
 * A game's latest draws as an Atom feed (RFC 4287), written with the JDK's XML writer so
 * that every value is escaped. Ids are name-based UUIDs of the game and of each lottery,
 * the same whatever the host the feed was read from; an entry is updated when its numbers
 * were drawn; its summary says the numbers and, once settled, the prize breakdown.
 */
final class AtomFeed {

	static final String NAMESPACE = "http://www.w3.org/2005/Atom";

	private AtomFeed() {
	}

	/**
	 * @param draws the draws, newest first
	 * @param base the site's absolute address, without a trailing slash
	 */
	static String write(Game game, List<PastDraw> draws, Formats formats, MessageSource messages, String base) {
		StringWriter out = new StringWriter();
		try {
			XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeStartElement("feed");
			xml.writeDefaultNamespace(NAMESPACE);
			xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", formats.locale().getLanguage());
			text(xml, "id", id("feed:" + game.id()));
			text(xml, "title", message(messages, formats, "feeds.atom.title", game.name()));
			text(xml, "subtitle", message(messages, formats, "feeds.atom.subtitle", game.name()));
			text(xml, "updated", time(draws.isEmpty() ? Instant.EPOCH : updated(draws.get(0))));
			link(xml, "self", base + "/feeds/" + game.id() + "/atom.xml", "application/atom+xml");
			link(xml, "alternate", base + "/lotteries?game=" + game.id(), "text/html");
			xml.writeStartElement("author");
			text(xml, "name", message(messages, formats, "app.name"));
			text(xml, "uri", base + "/");
			xml.writeEndElement();
			for (PastDraw draw : draws) {
				entry(xml, game, draw, formats, messages, base);
			}
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("Cannot write the feed of " + game.id(), ex);
		}
		return out.toString();
	}

	private static void entry(XMLStreamWriter xml, Game game, PastDraw draw, Formats formats, MessageSource messages,
			String base) throws XMLStreamException {
		xml.writeStartElement("entry");
		text(xml, "id", id("lottery:" + draw.lotteryId()));
		text(xml, "title", message(messages, formats, "feeds.atom.entry", game.name(), formats.date(draw.drawDate()),
				numbers(draw.numbers(), " ")));
		text(xml, "updated", time(updated(draw)));
		if (draw.closesAt() != null) {
			text(xml, "published", time(draw.closesAt()));
		}
		link(xml, "alternate", base + "/lotteries/" + draw.lotteryId(), "text/html");
		link(xml, "related", base + ResultJson.Api.BASE + "/lotteries/" + draw.lotteryId(), "application/json");
		xml.writeStartElement("summary");
		xml.writeAttribute("type", "text");
		xml.writeCharacters(String.join("\n", summary(game, draw, formats, messages)));
		xml.writeEndElement();
		xml.writeEndElement();
	}

	/**
	 * What an entry says: the numbers, then each tier's winners and prize once settled.
	 */
	static List<String> summary(Game game, PastDraw draw, Formats formats, MessageSource messages) {
		List<String> lines = new ArrayList<>();
		lines.add(message(messages, formats, "feeds.atom.numbers", numbers(draw.numbers(), ", ")));
		LotterySummary summary = draw.summary();
		if (summary == null) {
			lines.add(message(messages, formats, "feeds.atom.pending"));
			return lines;
		}
		ResultJson.ResultsJson results = ResultJson.ResultsJson.of(summary, game);
		for (ResultJson.TierJson tier : results.tiers()) {
			if (tier.winners() == 0) {
				lines.add(message(messages, formats, "feeds.atom.tier.none", tier.matches()));
			}
			else {
				lines.add(message(messages, formats, "feeds.atom.tier", tier.matches(), tier.winners(),
						formats.money(tier.prizeCents())));
			}
		}
		if (summary.rolledOver() > 0) {
			lines.add(message(messages, formats, "feeds.atom.rolledOver", formats.money(summary.rolledOver())));
		}
		return lines;
	}

	/** A stable id: a name-based UUID, whatever host served the feed. */
	static String id(String name) {
		return "urn:uuid:" + UUID.nameUUIDFromBytes(("novanta:" + name).getBytes(StandardCharsets.UTF_8));
	}

	private static Instant updated(PastDraw draw) {
		if (draw.drawnAt() != null) {
			return draw.drawnAt();
		}
		return (draw.closesAt() != null) ? draw.closesAt() : Instant.EPOCH;
	}

	private static String time(Instant instant) {
		return instant.truncatedTo(ChronoUnit.SECONDS).toString();
	}

	private static String numbers(List<Integer> numbers, String separator) {
		return String.join(separator, numbers.stream().map(String::valueOf).toList());
	}

	private static String message(MessageSource messages, Formats formats, String key, Object... arguments) {
		return messages.getMessage(key, arguments, formats.locale());
	}

	private static void text(XMLStreamWriter xml, String element, String value) throws XMLStreamException {
		xml.writeStartElement(element);
		xml.writeCharacters(value);
		xml.writeEndElement();
	}

	private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
		xml.writeEmptyElement("link");
		xml.writeAttribute("rel", rel);
		xml.writeAttribute("type", type);
		xml.writeAttribute("href", href);
	}

}
