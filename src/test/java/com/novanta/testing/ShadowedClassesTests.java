package com.novanta.testing;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.novanta.NovantaApplication;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No test class has the name of one of the application's classes: the tests' classes come
 * first on the class path, so such a class would silently replace the application's own
 * in every test (it compiles, then fails at run time, or worse, passes).
 */
class ShadowedClassesTests {

	@Test
	void noTestClassHasTheNameOfAnApplicationClass() throws Exception {
		Set<String> application = classes(locationOf(NovantaApplication.class));
		Set<String> tests = classes(locationOf(ShadowedClassesTests.class));

		assertThat(application).as("the application's classes").isNotEmpty();
		assertThat(tests).as("test classes named like the application's").doesNotContainAnyElementsOf(application);
	}

	private static Path locationOf(Class<?> type) throws URISyntaxException {
		return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
	}

	private static Set<String> classes(Path root) throws IOException {
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter((file) -> file.toString().endsWith(".class"))
				.map((file) -> root.relativize(file).toString())
				.collect(Collectors.toSet());
		}
	}

}
