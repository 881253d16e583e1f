package com.novanta;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Code names a type by its simple name, imported once at the top: an inline
 * {@code java.util.List} or {@code com.novanta.config.DatabaseIndexes} hides a dependency
 * in the middle of a method. The only exception is a second type of the same simple name
 * ({@code org.bson.Document} beside an imported jsoup {@code Document}).
 */
class QualifiedNamesTests {

	private static final Pattern QUALIFIED = Pattern
		.compile("(?<![\\w.\"])((?:java|javax|jakarta|org|com|io|de|net)\\.(?:[a-z][a-z0-9_]*\\.)+)([A-Z]\\w*)");

	private static final Pattern IMPORT = Pattern.compile("^import ([\\w.]+)\\.([A-Z]\\w*);$", Pattern.MULTILINE);

	@Test
	void codeImportsTheTypesItNames() throws IOException {
		List<String> inline = new ArrayList<>();
		for (String root : new String[] { "src/main/java", "src/test/java" }) {
			try (Stream<Path> files = Files.walk(Path.of(root))) {
				for (Path file : files.filter((f) -> f.toString().endsWith(".java")).toList()) {
					inline.addAll(inlineNames(file));
				}
			}
		}
		assertThat(inline).isEmpty();
	}

	@Test
	void findsAnInlineNameButNotOneInAStringOrACommentOrAClashingOne() {
		String source = """
				package x;

				import org.jsoup.nodes.Document;

				class A {
					/** See {@link java.util.List}. */
					java.util.List<String> names = new java.util.ArrayList<>(); // java.util.Map
					String text = "java.util.Set";
					org.bson.Document raw;
				}
				""";
		assertThat(inlineNames(Path.of("A.java"), source)).containsExactly("A.java:7 java.util.List",
				"A.java:7 java.util.ArrayList");
	}

	private static List<String> inlineNames(Path file) throws IOException {
		return inlineNames(file, Files.readString(file));
	}

	private static List<String> inlineNames(Path file, String source) {
		Map<String, String> imported = new HashMap<>();
		Matcher imports = IMPORT.matcher(source);
		while (imports.find()) {
			imported.put(imports.group(2), imports.group(1));
		}
		List<String> found = new ArrayList<>();
		String[] lines = source.split("\n");
		boolean inComment = false;
		boolean inTextBlock = false;
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.contains("\"\"\"")) {
				// a text block's lines are text, whatever they say
				inTextBlock = !inTextBlock;
				continue;
			}
			if (inTextBlock) {
				continue;
			}
			if (line.startsWith("/*")) {
				inComment = true;
			}
			if (inComment || line.startsWith("import ") || line.startsWith("package ") || line.startsWith("//")
					|| line.startsWith("*")) {
				inComment = inComment && !line.contains("*/");
				continue;
			}
			String code = withoutStringsAndComments(line);
			Matcher matcher = QUALIFIED.matcher(code);
			while (matcher.find()) {
				String pkg = matcher.group(1).substring(0, matcher.group(1).length() - 1);
				String other = imported.get(matcher.group(2));
				boolean clash = other != null && !other.equals(pkg);
				if (!clash) {
					found.add(file.getFileName() + ":" + (i + 1) + " " + matcher.group());
				}
			}
		}
		return found;
	}

	/** The line with its string literals emptied and a trailing comment cut. */
	private static String withoutStringsAndComments(String line) {
		StringBuilder code = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '\\') {
					i++;
				}
				else if (c == '"') {
					quoted = false;
					code.append(c);
				}
				continue;
			}
			if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
				break;
			}
			if (c == '"') {
				quoted = true;
			}
			code.append(c);
		}
		return code.toString();
	}

}
