package com.novanta.testing;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.events.EventFiringDecorator;
import org.openqa.selenium.support.events.WebDriverListener;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.fail;

/**
 * One headless Chromium for all browser tests of a JVM. Every page it lands on (after a
 * navigation or a click that changes the address) is checked with axe-core: a serious or
 * critical accessibility violation fails the test.
 *
 * <p>
 * The browser is found through {@code CHROME_BIN} and {@code CHROMEDRIVER} (environment
 * or system properties), then Debian's {@code /usr/bin/chromium} and
 * {@code /usr/bin/chromedriver}, then Selenium's usual means. When none can start, the
 * test fails and says how to install one; it never skips.
 */
public final class Browser {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static Browser shared;

	private final WebDriver raw;

	private final WebDriver driver;

	private String lastCheckedPage;

	private final List<String> notOurs = new java.util.ArrayList<>();

	/**
	 * A violation found after a navigation. The decorator only logs what its listeners
	 * throw, so it is kept here and thrown by the next call on this browser.
	 */
	private AssertionError violation;

	private Browser(WebDriver raw) {
		this.raw = raw;
		this.driver = new EventFiringDecorator<>(new AccessibilityCheck()).decorate(raw);
	}

	/** The shared browser, with no cookies left from an earlier test. */
	public static synchronized Browser get() {
		if (shared != null && shared.violation != null) {
			AssertionError left = shared.violation;
			shared.violation = null;
			throw new AssertionError("Left unreported by the previous browser test: " + left.getMessage(), left);
		}
		if (shared == null) {
			shared = new Browser(start());
			Runtime.getRuntime().addShutdownHook(new Thread(shared.raw::quit));
		}
		shared.reset();
		return shared;
	}

	public WebDriver driver() {
		throwViolation();
		return this.driver;
	}

	/** Opens a page by its full address. */
	public void open(String url) {
		throwViolation();
		this.driver.get(url);
		throwViolation();
	}

	public WebElement find(By by) {
		throwViolation();
		return this.driver.findElement(by);
	}

	public List<WebElement> findAll(By by) {
		throwViolation();
		return this.driver.findElements(by);
	}

	/** Replaces the text of a form field. */
	public void type(By field, String text) {
		throwViolation();
		WebElement input = this.driver.findElement(field);
		input.clear();
		input.sendKeys(text);
	}

	public <T> T waitUntil(ExpectedCondition<T> condition) {
		throwViolation();
		// Parts of the page are swapped by htmx while we look: look again
		T result = new WebDriverWait(this.driver, Duration.ofSeconds(10))
			.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(condition);
		throwViolation();
		return result;
	}

	/**
	 * Saves a screenshot of the current page as {@code target/screenshots/<name>.png}.
	 */
	public Path screenshot(String name) {
		throwViolation();
		try {
			Files.createDirectories(SCREENSHOTS);
			File file = ((TakesScreenshot) this.raw).getScreenshotAs(OutputType.FILE);
			Path target = SCREENSHOTS.resolve(name + ".png");
			Files.copy(file.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
			return target;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot save screenshot " + name, ex);
		}
	}

	/** Checks the current page now, for content that appeared without a navigation. */
	public void checkAccessibility() {
		// Frames are left out: the only ones are the dev mailbox's sandboxed mail frames,
		// where scripts cannot run, and trying to inject axe there waits for the script
		// timeout (about 30 s) on every such page.
		Results results = new AxeBuilder().disableIframeTesting().analyze(this.raw);
		List<Rule> serious = results.getViolations()
			.stream()
			.filter((rule) -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
			.toList();
		if (!serious.isEmpty()) {
			fail("Accessibility violations on " + this.raw.getCurrentUrl() + ":\n" + serious.stream()
				.map((rule) -> "- [" + rule.getImpact() + "] " + rule.getId() + ": " + rule.getHelp() + " at "
						+ rule.getNodes().stream().map((node) -> String.valueOf(node.getTarget())).limit(5).toList())
				.collect(Collectors.joining("\n")));
		}
	}

	/**
	 * Skips the accessibility check on pages under {@code urlPrefix} until the next
	 * {@link #get()}: for pages that are not the application's own, such as a test
	 * sign-in provider's login form.
	 */
	public void ignoreAccessibilityOf(String urlPrefix) {
		this.notOurs.add(urlPrefix);
	}

	public void setWindowSize(int width, int height) {
		this.raw.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
	}

	private void reset() {
		this.raw.manage().deleteAllCookies();
		this.lastCheckedPage = null;
		this.notOurs.clear();
		setWindowSize(1280, 900);
	}

	private void checkIfNewPage() {
		String page = this.raw.getCurrentUrl();
		if (Objects.equals(page, this.lastCheckedPage) || page.startsWith("data:") || page.startsWith("about:")) {
			return;
		}
		this.lastCheckedPage = page;
		if (this.notOurs.stream().anyMatch(page::startsWith)) {
			return;
		}
		try {
			checkAccessibility();
		}
		catch (AssertionError ex) {
			if (this.violation == null) {
				this.violation = ex;
			}
		}
	}

	private void throwViolation() {
		AssertionError found = this.violation;
		if (found != null) {
			this.violation = null;
			throw found;
		}
	}

	private static WebDriver start() {
		ChromeOptions options = new ChromeOptions();
		String binary = setting("CHROME_BIN", "chrome.bin", "/usr/bin/chromium");
		if (binary != null) {
			options.setBinary(binary);
		}
		Path profile;
		try {
			profile = Files.createTempDirectory("novanta-chromium");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--disable-extensions", "--lang=en-GB", "--window-size=1280,900",
				"--user-data-dir=" + profile.toAbsolutePath());
		String driverPath = setting("CHROMEDRIVER", "webdriver.chrome.driver", "/usr/bin/chromedriver");
		try {
			if (driverPath != null) {
				ChromeDriverService service = new ChromeDriverService.Builder()
					.usingDriverExecutable(new File(driverPath))
					.build();
				return new ChromeDriver(service, options);
			}
			return new ChromeDriver(options);
		}
		catch (RuntimeException ex) {
			return fail("""
					No browser could be started for the browser tests (%s).
					Install Chromium and its driver, for example on Debian or Ubuntu:
					    sudo apt-get install -y chromium chromium-driver
					or point CHROME_BIN at a Chrome/Chromium binary and CHROMEDRIVER at a matching chromedriver.""",
					ex.getMessage(), ex);
		}
	}

	private static String setting(String variable, String property, String debianDefault) {
		String value = System.getProperty(property);
		if (value == null || value.isBlank()) {
			value = System.getenv(variable);
		}
		if ((value == null || value.isBlank()) && Files.isExecutable(Path.of(debianDefault))) {
			value = debianDefault;
		}
		return (value == null || value.isBlank()) ? null : value;
	}

	/**
	 * Public, because the decorator calls it by reflection: with a private class, it logs
	 * a warning and never checks anything.
	 */
	public final class AccessibilityCheck implements WebDriverListener {

		@Override
		public void afterGet(WebDriver driver, String url) {
			checkIfNewPage();
		}

		@Override
		public void afterClick(WebElement element) {
			checkIfNewPage();
		}

		@Override
		public void afterSubmit(WebElement element) {
			checkIfNewPage();
		}

		@Override
		public void afterAnyNavigationCall(WebDriver.Navigation navigation, Method method, Object[] args,
				Object result) {
			checkIfNewPage();
		}

	}

}
