package com.novanta;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(NovantaApplication.class);

	@Test
	void modulesOnlyUseEachOthersPublicApi() {
		this.modules.verify();
	}

	/**
	 * The README's architecture table names every module and nothing else; the module
	 * diagrams (PlantUML, with the dependencies) are written to
	 * {@code target/spring-modulith-docs}.
	 */
	@Test
	void theReadmeDocumentsEachModule() throws IOException {
		List<String> modules = this.modules.stream()
			.map((module) -> module.getBasePackage().getName().replace("com.novanta.", ""))
			.sorted()
			.toList();
		String readme = Files.readString(Path.of("README.md"));
		String table = readme.substring(readme.indexOf("| module | what it holds |"));
		table = table.substring(0, table.indexOf("\n\n"));
		Matcher row = Pattern.compile("(?m)^\\| `([a-z.]+)` \\|").matcher(table);
		List<String> documented = row.results().map((match) -> match.group(1)).sorted().toList();
		assertThat(documented).isEqualTo(modules);

		new Documenter(this.modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
		assertThat(Path.of("target/spring-modulith-docs/components.puml")).exists();
	}

	/**
	 * No module holds more than a fifth of the main code (lines of its Java files; a
	 * module nested in another counts on its own, and not in its parent).
	 */
	@Test
	void noModuleHoldsMoreThanAFifthOfTheCode() throws IOException {
		Path main = Path.of("src/main/java");
		Map<String, Long> lines = new TreeMap<>();
		long total = 0;
		try (Stream<Path> files = Files.walk(main)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".java")).toList()) {
				String type = main.relativize(file).toString().replace(".java", "").replace('/', '.');
				long count = Files.readAllLines(file).size();
				total += count;
				this.modules.getModuleForPackage(type.substring(0, type.lastIndexOf('.')))
					.ifPresent((module) -> lines.merge(module.getBasePackage().getName(), count, Long::sum));
			}
		}
		long fifth = total / 5;
		assertThat(lines).isNotEmpty()
			.allSatisfy((module, count) -> assertThat(count).as(module).isLessThanOrEqualTo(fifth));
	}

}
