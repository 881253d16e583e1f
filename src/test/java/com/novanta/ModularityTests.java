package com.novanta;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
		Matcher row = Pattern.compile("(?m)^\\| `([a-z]+)` \\|").matcher(table);
		List<String> documented = row.results().map((match) -> match.group(1)).sorted().toList();
		assertThat(documented).isEqualTo(modules);

		new Documenter(this.modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
		assertThat(Path.of("target/spring-modulith-docs/components.puml")).exists();
	}

}
