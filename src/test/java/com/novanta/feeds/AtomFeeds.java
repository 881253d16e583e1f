package com.novanta.feeds;

import java.io.StringReader;
import java.net.URI;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.io.WireFeedInput;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An Atom feed read by a real parser (ROME), and checked against what RFC 4287 says a
 * feed and each entry must have: one id (an absolute IRI), a title, an updated time; an
 * author for the feed; a link to each entry's page.
 */
final class AtomFeeds {

	private AtomFeeds() {
	}

	/** The feed's xml:lang, read by a namespace-aware XML parser. */
	static String language(String xml) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		Element root = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
		assertThat(root.getNamespaceURI()).isEqualTo(AtomFeed.NAMESPACE);
		assertThat(root.getLocalName()).isEqualTo("feed");
		return root.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang");
	}

	static Feed parse(String xml) throws Exception {
		WireFeedInput input = new WireFeedInput();
		input.setXmlHealerOn(false);
		Object parsed = input.build(new StringReader(xml));
		assertThat(parsed).isInstanceOf(Feed.class);
		Feed feed = (Feed) parsed;
		assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
		assertThat(URI.create(feed.getId()).isAbsolute()).as("the feed's id").isTrue();
		assertThat(feed.getTitle()).isNotBlank();
		assertThat(feed.getUpdated()).isNotNull();
		assertThat(feed.getAuthors()).isNotEmpty();
		assertThat(feed.getOtherLinks()).extracting(Link::getRel).contains("self");
		for (Entry entry : feed.getEntries()) {
			assertThat(URI.create(entry.getId()).isAbsolute()).as("an entry's id").isTrue();
			assertThat(entry.getTitle()).as(entry.getId()).isNotBlank();
			assertThat(entry.getUpdated()).as(entry.getId()).isNotNull();
			assertThat(entry.getAlternateLinks()).as(entry.getId()).hasSize(1);
		}
		List<String> ids = feed.getEntries().stream().map(Entry::getId).toList();
		assertThat(ids).as("entry ids").doesNotHaveDuplicates();
		return feed;
	}

}
