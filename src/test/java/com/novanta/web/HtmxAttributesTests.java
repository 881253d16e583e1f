package com.novanta.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Templates write an htmx attribute one way: plainly when its value is fixed
 * ({@code hx-target="#lines"}), with the htmx dialect when an expression computes it
 * ({@code hx:post="@{/play/{id}/edit(id=${lottery.id()})}"}). The dialect leaves the
 * attribute out when the value is null, and its {@code hx:post}, {@code hx:put},
 * {@code hx:patch} and {@code hx:delete} add the CSRF token as an {@code hx-headers}
 * attribute: the only way an htmx request carries it, so a request attribute is never
 * written plainly.
 */
class HtmxAttributesTests {

	private static final Pattern THYMELEAF_HX = Pattern.compile("\\bth:hx-[\\w-]+\\s*=");

	private static final Pattern TH_ATTR_HX = Pattern.compile("\\bth:attr(?:append|prepend)?\\s*=\\s*\"[^\"]*?\\bhx-");

	private static final Pattern PLAIN_REQUEST = Pattern.compile("(?<=\\s)hx-(?:get|post|put|patch|delete)\\s*=");

	private static final Pattern DIALECT = Pattern.compile("(?<![\\w-])hx:([\\w-]+)\\s*=\\s*\"([^\"]*)\"");

	private static final Pattern EXPRESSION = Pattern.compile("[$@*#~]\\{|\\|");

	@Test
	void everyTemplateWritesHtmxAttributesOneWay() throws IOException {
		List<String> found = new ArrayList<>();
		Path templates = Path.of("src/main/resources/templates");
		try (Stream<Path> files = Files.walk(templates)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".html")).sorted().toList()) {
				found.addAll(otherWays(templates.relativize(file).toString(), Files.readString(file)));
			}
		}
		assertThat(found).isEmpty();
	}

	@Test
	void findsEveryOtherWay() {
		String template = """
				<form th:hx-post="@{/lucky-numbers}" hx-target="#lucky" hx-swap="outerHTML">
				<a th:attr="hx-get=@{/more},hx-target=#more">
				<div th:attr="data-x=${x},hx-swap-oob=${oob} ? 'true' : null">
				<button hx-post="/play/1/edit" hx-include="#play-form">
				<section hx:target="#status" hx:get="${open} ? @{/status} : null" hx:trigger="|every ${seconds}s|">
				<fieldset hx:post="@{/play/{id}/status(id=${id})}" hx-trigger="change" data-hx-get="x">
				""";
		assertThat(otherWays("t.html", template)).containsExactly("t.html:1 th:hx-post=", "t.html:2 th:attr=\"hx-",
				"t.html:3 th:attr=\"data-x=${x},hx-", "t.html:4 hx-post=", "t.html:5 hx:target=\"#status\"");
	}

	private static List<String> otherWays(String name, String template) {
		List<String> found = new ArrayList<>();
		String[] lines = template.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			String where = name + ":" + (i + 1) + " ";
			for (Pattern pattern : List.of(THYMELEAF_HX, TH_ATTR_HX, PLAIN_REQUEST)) {
				Matcher matcher = pattern.matcher(lines[i]);
				while (matcher.find()) {
					found.add(where + matcher.group());
				}
			}
			// a fixed value needs no dialect: hx:target="#status" is hx-target="#status"
			Matcher dialect = DIALECT.matcher(lines[i]);
			while (dialect.find()) {
				if (!EXPRESSION.matcher(dialect.group(2)).find()) {
					found.add(where + dialect.group());
				}
			}
		}
		return found;
	}

}
