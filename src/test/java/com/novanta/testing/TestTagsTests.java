package com.novanta.testing;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.commons.annotation.Testable;
import org.junit.platform.commons.support.AnnotationSupport;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.AbstractApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The unit loop ({@code ./mvnw test}, Surefire) runs the untagged tests and nothing else,
 * {@code ./mvnw verify} (Failsafe) the tagged ones, both only in classes named
 * {@code *Tests}. So a test that starts an application must carry its tag, or it slows
 * the unit loop down: whatever runs in a Spring test context or starts an application, a
 * context runner or a process of its own is tagged {@code integration} or {@code process}
 * ({@link IntegrationTest}, {@link ProcessTest}), and whatever drives a browser
 * {@code browser} ({@link BrowserTest}). What a test does is read from its bytecode,
 * through the helpers of the test code it calls.
 */
class TestTagsTests {

	static final Set<String> APPLICATION_TAGS = Set.of("integration", "process");

	/**
	 * The test code only, read from where this class was loaded: what it calls elsewhere
	 * is looked up by reflection where needed, much faster than importing every library
	 * class it names, or scanning every jar for the package.
	 */
	private static final JavaClasses TEST_CODE = ArchConfiguration.withThreadLocalScope((configuration) -> {
		configuration.setResolveMissingDependenciesFromClassPath(false);
		return new ClassFileImporter().importLocations(
				Set.of(Location.of(TestTagsTests.class.getProtectionDomain().getCodeSource().getLocation())));
	});

	@Test
	void everyTestThatStartsAnApplicationIsTaggedSo() {
		List<String> untagged = testClasses().stream()
			.filter((test) -> startsAnApplication(test) && tags(test).stream().noneMatch(APPLICATION_TAGS::contains))
			.map(JavaClass::getName)
			.toList();
		assertThat(untagged).as("tests that start an application but would run in the unit loop").isEmpty();
	}

	@Test
	void everyTestThatDrivesABrowserIsTaggedSo() {
		List<String> untagged = testClasses().stream()
			.filter((test) -> drivesABrowser(test) && !tags(test).contains("browser"))
			.map(JavaClass::getName)
			.toList();
		assertThat(untagged).as("tests that drive a browser without @BrowserTest").isEmpty();
	}

	@Test
	void everyTestClassIsNamedSoThatTheBuildRunsIt() {
		// Static nested classes are fixtures that a test runs itself
		// (SharedBrowserTests).
		assertThat(testClasses()).filteredOn(JavaClass::isTopLevelClass)
			.extracting(JavaClass::getSimpleName)
			.allMatch((name) -> name.endsWith("Tests"));
	}

	/** The checks above see what they must: otherwise they would pass on anything. */
	@Test
	void theChecksTellApplicationsBrowsersAndPlainCodeApart() {
		assertThat(testClasses()).extracting(JavaClass::getName)
			.contains("com.novanta.fairness.FairnessTests", "com.novanta.account.SignInTests",
					"com.novanta.web.HostileFieldNameTests")
			.doesNotContain("com.novanta.testing.Browser", "com.novanta.account.TestParticipants");
		assertThat(startsAnApplication(TEST_CODE.get("com.novanta.account.SignInTests"))).as("a Spring test context")
			.isTrue();
		assertThat(startsAnApplication(TEST_CODE.get("com.novanta.DevModeIntegrationTests")))
			.as("SpringApplicationBuilder")
			.isTrue();
		assertThat(startsAnApplication(TEST_CODE.get("com.novanta.MultiInstanceIntegrationTests")))
			.as("an application started by a helper")
			.isTrue();
		assertThat(startsAnApplication(TEST_CODE.get("com.novanta.ProcessKilledMidDrawIntegrationTests")))
			.as("a process")
			.isTrue();
		assertThat(startsAnApplication(TEST_CODE.get("com.novanta.notification.EmbeddedMailConfigurationTests")))
			.as("a context runner")
			.isTrue();
		assertThat(drivesABrowser(TEST_CODE.get("com.novanta.draw.DrawBrowserTests"))).isTrue();
		assertThat(startsAnApplication(TEST_CODE.get("com.novanta.fairness.FairnessTests"))).isFalse();
		assertThat(startsAnApplication(TEST_CODE.get("com.novanta.ModularityTests"))).isFalse();
		assertThat(drivesABrowser(TEST_CODE.get("com.novanta.account.SignInTests"))).isFalse();
		assertThat(tags(TEST_CODE.get("com.novanta.draw.DrawBrowserTests"))).containsExactlyInAnyOrder("integration",
				"browser");
		assertThat(tags(TEST_CODE.get("com.novanta.fairness.FairnessTests"))).isEmpty();
	}

	/** Classes with a method JUnit runs (a test, a parameterized test...). */
	private static List<JavaClass> testClasses() {
		return TEST_CODE.stream()
			.filter((type) -> Stream.of(type.reflect().getDeclaredMethods())
				.anyMatch((method) -> AnnotationSupport.isAnnotated(method, Testable.class)))
			.toList();
	}

	/** The tags JUnit sees on the class, through meta-annotations too. */
	private static Set<String> tags(JavaClass test) {
		return AnnotationSupport.findRepeatableAnnotations(test.reflect(), Tag.class)
			.stream()
			.map(Tag::value)
			.collect(Collectors.toSet());
	}

	private static boolean startsAnApplication(JavaClass test) {
		boolean springTest = AnnotationSupport.findRepeatableAnnotations(test.reflect(), ExtendWith.class)
			.stream()
			.anyMatch((extension) -> List.of(extension.value()).contains(SpringExtension.class));
		return springTest || reachableTestCode(test).stream().anyMatch(TestTagsTests::startsOne);
	}

	/** Calls that start an application, an application context or a process. */
	private static boolean startsOne(JavaClass type) {
		for (JavaCodeUnit code : type.getCodeUnits()) {
			for (JavaMethodCall call : code.getMethodCallsFromSelf()) {
				JavaClass owner = call.getTargetOwner();
				String name = call.getName();
				if ((name.equals("run")
						&& (is(owner, SpringApplication.class) || is(owner, SpringApplicationBuilder.class)
								|| is(owner, AbstractApplicationContextRunner.class)))
						|| (name.equals("refresh") && is(owner, ConfigurableApplicationContext.class))
						|| (name.equals("start") && is(owner, ProcessBuilder.class))) {
					return true;
				}
			}
			for (JavaConstructorCall call : code.getConstructorCallsFromSelf()) {
				if (is(call.getTargetOwner(), ConfigurableApplicationContext.class)) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean is(JavaClass owner, Class<?> type) {
		if (owner.getName().equals(type.getName())) {
			return true;
		}
		if (owner.isArray() || owner.isPrimitive()) {
			return false;
		}
		try {
			return type.isAssignableFrom(Class.forName(owner.getName(), false, TestTagsTests.class.getClassLoader()));
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

	private static boolean drivesABrowser(JavaClass test) {
		return reachableTestCode(test).stream()
			.flatMap((type) -> type.getDirectDependenciesFromSelf().stream())
			.anyMatch((dependency) -> dependency.getTargetClass().getPackageName().startsWith("org.openqa.selenium"));
	}

	/** The class and the classes of the test code it uses, directly or through others. */
	private static Set<JavaClass> reachableTestCode(JavaClass test) {
		Set<JavaClass> seen = new HashSet<>();
		Deque<JavaClass> next = new ArrayDeque<>(List.of(test));
		while (!next.isEmpty()) {
			JavaClass type = next.pop();
			if (seen.add(type)) {
				type.getDirectDependenciesFromSelf()
					.stream()
					.map((dependency) -> dependency.getTargetClass().getBaseComponentType())
					.filter((target) -> TEST_CODE.contain(target.getName()))
					.forEach(next::push);
			}
		}
		return seen;
	}

}
