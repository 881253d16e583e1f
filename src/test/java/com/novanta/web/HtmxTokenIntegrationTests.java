package com.novanta.web;

import java.net.http.HttpRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.novanta.testing.Html;
import com.novanta.testing.IntegrationTest;
import com.novanta.testing.WebVisitor;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An htmx request carries the CSRF token that its element's {@code hx:post} wrote into
 * {@code hx-headers}, and nothing else: over real HTTP, from a first visit (no cookie
 * yet, so the page itself makes the token, and its cookie has to leave with the page).
 */
@IntegrationTest
class HtmxTokenIntegrationTests {

	private static final Pattern ONE_HEADER = Pattern.compile("\\{\"([\\w-]+)\":\"([^\"]+)\"}");

	@LocalServerPort
	int port;

	@Test
	void aFirstVisitorsHtmxPostIsAccepted() {
		WebVisitor visitor = new WebVisitor("http://localhost:" + this.port);
		WebVisitor.Page home = visitor.get("/");
		assertThat(home.status()).isEqualTo(200);
		Element form = Html.parse(home.body()).selectFirst("form[hx-post]");
		Matcher header = ONE_HEADER.matcher(form.attr("hx-headers"));
		assertThat(header.matches()).as(form.attr("hx-headers")).isTrue();

		WebVisitor.Page answer = visitor.send(HttpRequest.newBuilder(visitor.uri(form.attr("hx-post")))
			.header("HX-Request", "true")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header(header.group(1), header.group(2))
			.POST(HttpRequest.BodyPublishers.noBody()));

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).contains("id=\"lucky-numbers\"").doesNotContain("<html");
	}

}
