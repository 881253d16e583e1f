package com.novanta.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.deque.html.axecore.selenium.AxeBuilder;
import org.assertj.core.api.SoftAssertions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.events.EventFiringDecorator;
import org.openqa.selenium.support.events.WebDriverListener;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.fail;

/**
 * One headless Chromium for all browser tests of a JVM. Every page it lands on (each new
 * document, however it was reached) is checked twice:
 * <ul>
 * <li>with axe-core, unless a page of the same layout (the same elements and attributes,
 * only its words differ) has passed: a serious or critical accessibility violation fails
 * the test that reached it ({@link BrowserTest} reports what the test's last page had,
 * after the test);</li>
 * <li>on a computer's screen (1280 px) and on a phone's (390 px): a page wider than the
 * screen, one that makes a phone scroll sideways, fails the test. A screenshot of each
 * page (another lottery's page counts as the same) at both widths is saved under
 * {@code target/screenshots/<test class>/}, to look at.</li>
 * </ul>
 *
 * <p>
 * Parts of our pages are replaced by htmx while a test looks at them (sections that poll,
 * results swapped in after a click): an element found a moment ago may be gone. Act and
 * read through {@link #click}, {@link #follow}, {@link #text} and {@link #waitUntil},
 * which find the element again when it was replaced; keep {@link #find} for what no swap
 * touches. Waits are long, for slow machines, and end as soon as their condition holds:
 * nothing here sleeps.
 *
 * <p>
 * The browser is found through {@code CHROME_BIN} and {@code CHROMEDRIVER} (environment
 * or system properties), then Debian's {@code /usr/bin/chromium} and
 * {@code /usr/bin/chromedriver}, then Selenium's usual means. When none can start, the
 * test fails and says how to install one; it never skips.
 */
public final class Browser {

	/**
	 * How long any wait may take: generous, for a busy machine (longer with
	 * {@code -Dbrowser.patience=PT2M}); waits end as soon as their condition holds.
	 */
	static final Duration PATIENCE = Duration.parse(System.getProperty("browser.patience", "PT30S"));

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final int DESKTOP_WIDTH = 1280;

	private static final int DESKTOP_HEIGHT = 900;

	/** A common phone's screen in CSS pixels (an iPhone 12 to 15). */
	private static final int PHONE_WIDTH = 390;

	private static final int PHONE_HEIGHT = 844;

	/** The longest page a screenshot shows in full, in CSS pixels. */
	private static final int FULL_PAGE_LIMIT = 8000;

	/**
	 * Set on a document once it was checked: a new document (a navigation, a reload, a
	 * form's answer at the same address) lacks it.
	 */
	private static final String CHECKED = "__novantaAccessibilityChecked";

	/** Set on the document a {@link #follow} leaves, to see the next one arrive. */
	private static final String LEFT = "__novantaLeft";

	private static Browser shared;

	/** The browser test running now, as {@link BrowserTest} announced it. */
	private static String currentTest;

	/** Where the running test's screenshots go: its class and method. */
	private static String currentTestName;

	/** How many screenshots the running test saved, to name the next one. */
	private static int screenshotsOfTest;

	/**
	 * The pages whose screenshot this build saved, by their address with numbers left
	 * out, language and width: the same page again (another lottery's, say) is not saved
	 * again, since a full-page screenshot costs a few hundred milliseconds.
	 */
	private static final SeenInThisBuild photographedPages = new SeenInThisBuild("screenshots");

	private final WebDriver raw;

	private final WebDriver driver;

	private final List<String> notOurs = new ArrayList<>();

	/** Every origin visited, for clearing their storage between tests. */
	private final Set<String> origins = new LinkedHashSet<>();

	/**
	 * The layouts axe has passed in this build, in either test JVM (see
	 * {@link #layout()}): axe takes about half a second a page, and most pages are the
	 * same page again (the sign-in form in nearly every test).
	 */
	private static final SeenInThisBuild checkedLayouts = new SeenInThisBuild("accessible-layouts");

	/**
	 * axe-core, as the axe-core Selenium library bundles it: put into a page only when a
	 * page is analysed and has no axe yet.
	 */
	private static final String AXE_SOURCE = axeSource();

	/**
	 * Runs axe on the page, without its frames (the only ones are the dev mailbox's
	 * sandboxed mail frames, where scripts cannot run), and answers the serious and
	 * critical violations as text, empty when there are none: only that crosses over to
	 * the test, not axe's whole report.
	 */
	private static final String AXE_RUN = """
			const done = arguments[arguments.length - 1];
			axe.run(document, { resultTypes: ['violations'], iframes: false, elementRef: false })
			  .then((results) => done(results.violations
			    .filter((rule) => rule.impact === 'serious' || rule.impact === 'critical')
			    .map((rule) => '- [' + rule.impact + '] ' + rule.id + ': ' + rule.help + ' at '
			      + JSON.stringify(rule.nodes.slice(0, 5).map((node) => node.target)))
			    .join('\\n')))
			  .catch((error) => done('- axe could not run: ' + error));
			""";

	/**
	 * What a page is made of, for axe: every element with its attributes (values that
	 * hold ids, numbers, tokens or addresses left out) and whether it holds text of its
	 * own, and the window's width. Two pages alike in all that pass or fail axe's checks
	 * alike; their words may differ.
	 */
	private static final String LAYOUT_SCRIPT = """
			const opaque = new Set(['value', 'href', 'action', 'src', 'content', 'datetime', 'nonce']);
			const parts = [String(window.innerWidth)];
			for (const e of document.querySelectorAll('*')) {
			  let s = e.tagName;
			  for (const a of e.attributes) {
			    s += ' ' + a.name;
			    if (!opaque.has(a.name) && !a.name.startsWith('hx-') && !a.name.startsWith('data-')) {
			      s += '=' + a.value.replace(/[0-9a-f]{6,}/gi, '#').replace(/[0-9]+/g, '0');
			    }
			  }
			  for (const n of e.childNodes) {
			    if (n.nodeType === 3 && n.textContent.trim()) { s += ' #text'; break; }
			  }
			  parts.push(s);
			}
			return parts.join('\\n');
			""";

	/**
	 * The innermost elements that reach beyond the window's right edge, described like
	 * CSS selectors with their width: what makes a page scroll sideways.
	 */
	private static final String CULPRITS_SCRIPT = """
			const width = document.documentElement.clientWidth;
			const beyond = [...document.body.querySelectorAll('*')]
			  .filter((e) => e.getBoundingClientRect().right > width + 0.5);
			return beyond.filter((e) => !beyond.some((other) => other !== e && e.contains(other)))
			  .slice(0, 5)
			  .map((e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
			    + [...e.classList].map((c) => '.' + c).join('')
			    + ' ' + Math.round(e.getBoundingClientRect().width) + ' px in '
			    + (e.parentElement ? e.parentElement.tagName.toLowerCase()
			      + [...e.parentElement.classList].map((c) => '.' + c).join('') : ''))
			  .join(', ');
			""";

	/**
	 * A violation found after a navigation. The decorator only logs what its listeners
	 * throw, so it is kept here and thrown by the next call on this browser, or after the
	 * test by {@link BrowserTest}.
	 */
	private AssertionError violation;

	private Browser(WebDriver raw) {
		this.raw = raw;
		this.driver = new EventFiringDecorator<>(new AccessibilityCheck()).decorate(raw);
	}

	/**
	 * The shared browser, as new: no cookies, local or session storage, and one fresh
	 * tab, so that nothing of an earlier test (a page still polling, a value in storage)
	 * is left.
	 */
	public static synchronized Browser get() {
		if (currentTest == null) {
			throw new IllegalStateException("A test that uses the browser is annotated @BrowserTest (or extended with "
					+ BrowserChecks.class.getSimpleName() + "): its accessibility checks must report on it.");
		}
		if (shared == null) {
			Path profile;
			try {
				profile = Files.createTempDirectory("novanta-chromium");
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			Browser started;
			try {
				started = new Browser(start(profile));
			}
			catch (RuntimeException | AssertionError ex) {
				FileSystemUtils.deleteRecursively(profile.toFile());
				throw ex;
			}
			shared = started;
			// the browser's profile goes with it (some megabytes a test JVM, left in the
			// temporary directory before)
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					started.raw.quit();
				}
				finally {
					FileSystemUtils.deleteRecursively(profile.toFile());
				}
			}));
		}
		shared.throwViolation();
		shared.reset();
		return shared;
	}

	/** A browser test starts: what the browser finds from now on is reported on it. */
	static synchronized void testStarted(String test, String name) {
		currentTest = test;
		currentTestName = name;
		screenshotsOfTest = 0;
	}

	/**
	 * A browser test ended: checks the last page it reached, if no check has seen it yet,
	 * and fails the test with any violation not reported yet.
	 */
	static synchronized void testFinished() {
		try {
			if (shared != null) {
				shared.checkIfNewPage();
				shared.throwViolation();
			}
		}
		finally {
			currentTest = null;
		}
	}

	public WebDriver driver() {
		throwViolation();
		return this.driver;
	}

	/** Opens a page by its full address, and waits for it. */
	public void open(String url) {
		throwViolation();
		this.driver.get(url);
		checkIfNewPage();
		throwViolation();
	}

	/**
	 * The element, for content that nothing replaces; use {@link #click} and
	 * {@link #text} for content that htmx swaps.
	 */
	public WebElement find(By by) {
		checkIfNewPage();
		throwViolation();
		return this.driver.findElement(by);
	}

	public List<WebElement> findAll(By by) {
		checkIfNewPage();
		throwViolation();
		return this.driver.findElements(by);
	}

	/**
	 * Clicks the element, waiting for it to be there: found again if htmx replaced it
	 * before the click landed (the click itself never happened then).
	 */
	public void click(By target) {
		throwViolation();
		patiently().ignoring(StaleElementReferenceException.class)
			.ignoring(ElementClickInterceptedException.class)
			.until((page) -> {
				page.findElement(target).click();
				return true;
			});
		throwViolation();
	}

	/**
	 * Clicks what makes htmx replace part of the page (a button of an htmx form, a
	 * checkbox whose change is sent), and waits until htmx has swapped the answer in and
	 * settled it (for a moment after a swap, htmx leaves the old attributes on an element
	 * that keeps its id).
	 */
	public void clickAndSettle(By target) {
		click(target);
		waitForHtmx();
	}

	/**
	 * Waits until htmx has no request on its way and nothing being swapped or settled.
	 */
	public void waitForHtmx() {
		throwViolation();
		patiently().withMessage("htmx to be done")
			.until((page) -> Boolean.TRUE.equals(((JavascriptExecutor) this.raw)
				.executeScript("return typeof htmx !== 'undefined' && document.querySelector("
						+ "'.htmx-request, .htmx-swapping, .htmx-settling, .htmx-added') === null")));
	}

	/**
	 * Clicks a link or a button that loads a new page, and waits until that page has
	 * loaded (and been checked), even when its address is the same.
	 */
	public void follow(By target) {
		throwViolation();
		((JavascriptExecutor) this.raw).executeScript("window." + LEFT + " = true");
		click(target);
		waitForNewPage();
	}

	/**
	 * Clicks a link that opens a new tab, and goes on in that tab once its page has
	 * loaded.
	 */
	public void followToNewTab(By target) {
		Set<String> before = this.raw.getWindowHandles();
		click(target);
		String opened = waitUntil((page) -> page.getWindowHandles()
			.stream()
			.filter((handle) -> !before.contains(handle))
			.findFirst()
			.orElse(null));
		this.raw.switchTo().window(opened);
		waitForNewPage();
	}

	/** The element's text, read again if htmx replaced the element meanwhile. */
	public String text(By by) {
		return waitUntil((page) -> page.findElement(by).getText());
	}

	/** The texts of the elements, read together again if htmx replaced one meanwhile. */
	public List<String> texts(By by) {
		return waitUntil((page) -> page.findElements(by).stream().map(WebElement::getText).toList());
	}

	/** Replaces the text of a form field. */
	public void type(By field, String text) {
		throwViolation();
		WebElement input = this.driver.findElement(field);
		input.clear();
		input.sendKeys(text);
	}

	/**
	 * Waits for the condition, which is tried again when an element it looked at was
	 * replaced meanwhile.
	 */
	public <T> T waitUntil(Function<? super WebDriver, T> condition) {
		throwViolation();
		T result = patiently().until(condition);
		checkIfNewPage();
		throwViolation();
		return result;
	}

	/** Loads the current page again, and waits for it (and its check). */
	public void reload() {
		throwViolation();
		((JavascriptExecutor) this.raw).executeScript("window." + LEFT + " = true");
		this.driver.navigate().refresh();
		waitForNewPage();
	}

	/**
	 * Looks at the current page on a phone: at 390×844 CSS pixels, loaded again there
	 * (and so checked there too), saved as the screenshot {@code <name>-phone}; back at
	 * the computer's size after.
	 * @return how many CSS pixels the page is wider than the phone's screen (zero or less
	 * when it fits)
	 */
	public long onAPhone(String name) {
		setWindowSize(PHONE_WIDTH, PHONE_HEIGHT);
		try {
			reload();
			screenshot(name + "-phone");
			return widthBeyondWindow();
		}
		finally {
			setWindowSize(DESKTOP_WIDTH, DESKTOP_HEIGHT);
		}
	}

	/**
	 * Looks at the current page on a computer and on a phone: screenshots {@code <name>}
	 * and {@code <name>-phone}, an accessibility check at both sizes (it was checked on
	 * arrival), and a page wider than the phone's screen noted in {@code findings}, so
	 * that a journey still sees its other pages.
	 */
	public void onComputerAndPhone(String name, SoftAssertions findings) {
		screenshot(name);
		String page = this.raw.getCurrentUrl();
		findings.assertThat(onAPhone(name))
			.as("CSS pixels %s is wider than a %d px phone's screen", page, PHONE_WIDTH)
			.isLessThanOrEqualTo(0);
	}

	/**
	 * How many CSS pixels the page is wider than the window (zero or less when it fits):
	 * a page that makes a phone scroll sideways.
	 */
	public long widthBeyondWindow() {
		throwViolation();
		return widthBeyondWindow(this.raw);
	}

	private static long widthBeyondWindow(WebDriver driver) {
		Object beyond = ((JavascriptExecutor) driver)
			.executeScript("return document.documentElement.scrollWidth - window.innerWidth");
		return ((Number) beyond).longValue();
	}

	/**
	 * Saves a screenshot of the current page as {@code target/screenshots/<name>.png}.
	 */
	public Path screenshot(String name) {
		throwViolation();
		try {
			Path target = SCREENSHOTS.resolve(name + ".png");
			Files.createDirectories(target.getParent());
			File file = ((TakesScreenshot) this.raw).getScreenshotAs(OutputType.FILE);
			Files.copy(file.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
			return target;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot save screenshot " + name, ex);
		}
	}

	/** Checks the current page now, for content that appeared without a navigation. */
	public void checkAccessibility() {
		throwViolation();
		analyzeIfNewLayout();
	}

	/**
	 * Runs axe on the page unless a page laid out alike has passed its checks (one that
	 * failed them fails every test that reaches it).
	 */
	private void analyzeIfNewLayout() {
		String layout = layout();
		if (!checkedLayouts.contains(layout)) {
			analyze();
			checkedLayouts.add(layout);
		}
	}

	private String layout() {
		String layout = (String) ((JavascriptExecutor) this.raw).executeScript(LAYOUT_SCRIPT);
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(layout.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void analyze() {
		// axe-core's own AxeBuilder sends axe's 560 KB of script with every analysis and
		// brings the whole report back as nested maps: 0.9 s a page, of which axe's run
		// is
		// 0.1 to 0.2 s. Sending the script (0.2 to 0.3 s) only to a page without it, and
		// bringing back only the text of what fails, halves that.
		JavascriptExecutor script = (JavascriptExecutor) this.raw;
		if (!Boolean.TRUE.equals(script.executeScript("return typeof window.axe === 'object'"))) {
			script.executeScript(AXE_SOURCE);
		}
		Object found = script.executeAsyncScript(AXE_RUN);
		if (!(found instanceof String serious)) {
			throw new IllegalStateException("axe gave no answer on " + this.raw.getCurrentUrl() + ": " + found);
		}
		if (!serious.isEmpty()) {
			fail("Accessibility violations on " + this.raw.getCurrentUrl() + ":\n" + serious);
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
		this.raw.manage().window().setSize(new Dimension(width, height));
	}

	private FluentWait<WebDriver> patiently() {
		return new WebDriverWait(this.driver, PATIENCE).pollingEvery(Duration.ofMillis(100))
			.ignoring(StaleElementReferenceException.class);
	}

	/**
	 * Waits until the document that {@link #follow} marked is gone and the new one has
	 * loaded; the marker is checked in whichever document is there (the old one until the
	 * navigation commits).
	 */
	private void waitForNewPage() {
		patiently().withMessage("a new page to load")
			.ignoring(WebDriverException.class)
			.until((page) -> Boolean.TRUE.equals(((JavascriptExecutor) this.raw)
				.executeScript("return window." + LEFT + " !== true && document.readyState === 'complete'")));
		checkIfNewPage();
		throwViolation();
	}

	private void reset() {
		// A new tab leaves the old one's session storage and its pages (which may still
		// poll the server) behind.
		String fresh = this.raw.switchTo().newWindow(WindowType.TAB).getWindowHandle();
		for (String handle : this.raw.getWindowHandles()) {
			if (!handle.equals(fresh)) {
				this.raw.switchTo().window(handle).close();
			}
		}
		this.raw.switchTo().window(fresh);
		HasCdp cdp = (HasCdp) this.raw;
		cdp.executeCdpCommand("Network.clearBrowserCookies", Map.of());
		for (String origin : this.origins) {
			cdp.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
		}
		this.origins.clear();
		this.notOurs.clear();
		setWindowSize(DESKTOP_WIDTH, DESKTOP_HEIGHT);
	}

	/**
	 * Checks the current document if no check has seen it yet: once it has loaded, and
	 * unless it is not ours.
	 */
	private void checkIfNewPage() {
		JavascriptExecutor script = (JavascriptExecutor) this.raw;
		String page;
		try {
			page = this.raw.getCurrentUrl();
			if (page.startsWith("data:") || page.startsWith("about:") || page.startsWith("chrome")) {
				return;
			}
			this.origins.add(origin(page));
			if (Boolean.TRUE.equals(script.executeScript("return window." + CHECKED + " === true"))
					|| this.notOurs.stream().anyMatch(page::startsWith)) {
				return;
			}
		}
		catch (WebDriverException ex) {
			// A page on its way (a navigation that has not committed): the next call
			// checks it.
			return;
		}
		patiently().withMessage("the page to load, to check it")
			.ignoring(WebDriverException.class)
			.until((loading) -> "complete".equals(script.executeScript("return document.readyState")));
		script.executeScript("window." + CHECKED + " = true");
		try {
			analyzeIfNewLayout();
			checkWidths(page);
		}
		catch (AssertionError ex) {
			if (this.violation == null) {
				this.violation = ex;
			}
		}
	}

	/**
	 * Looks at the page at the window's width and at a phone's (by emulating the phone's
	 * screen, which is quicker than resizing the window and leaves the page as it is):
	 * fails when it is wider than either, and saves a screenshot of a page not saved yet.
	 */
	private void checkWidths(String page) {
		long beyond = widthBeyondWindow(this.raw);
		photograph(page, "");
		HasCdp cdp = (HasCdp) this.raw;
		long beyondOnPhone;
		Object culprits = null;
		cdp.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", PHONE_WIDTH, "height", PHONE_HEIGHT, "deviceScaleFactor", 1, "mobile", false));
		try {
			beyondOnPhone = widthBeyondWindow(this.raw);
			photograph(page, "-phone");
			if (beyondOnPhone > 0) {
				culprits = ((JavascriptExecutor) this.raw).executeScript(CULPRITS_SCRIPT);
			}
		}
		finally {
			cdp.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		}
		if (beyond > 0 || beyondOnPhone > 0) {
			fail("%s is wider than the screen, and scrolls sideways: by %d CSS pixels on a %d px computer screen, by %d on a %d px phone%s."
				.formatted(page, Math.max(beyond, 0), DESKTOP_WIDTH, Math.max(beyondOnPhone, 0), PHONE_WIDTH,
						(culprits != null) ? " (what sticks out there: " + culprits + ")" : ""));
		}
	}

	private void photograph(String page, String suffix) {
		String path = URI.create(page).getPath().replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
		Object language = ((JavascriptExecutor) this.raw).executeScript("return document.documentElement.lang");
		if (currentTestName == null
				|| !photographedPages.claim(path.replaceAll("[0-9]+", "0") + " " + language + suffix)) {
			return;
		}
		String name = currentTestName + "/" + String.format("%02d", ++screenshotsOfTest) + "-"
				+ (path.isEmpty() ? "home" : path) + suffix;
		Number width = (Number) ((JavascriptExecutor) this.raw).executeScript("return window.innerWidth");
		Number height = (Number) ((JavascriptExecutor) this.raw)
			.executeScript("return document.documentElement.scrollHeight");
		// The whole page, not only what the window shows: a section at the bottom is
		// looked at too (up to a long page's worth).
		Map<String, Object> shot = ((HasCdp) this.raw).executeCdpCommand("Page.captureScreenshot",
				Map.of("format", "png", "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width",
						width.intValue(), "height", Math.min(height.intValue(), FULL_PAGE_LIMIT), "scale", 1)));
		try {
			Path target = SCREENSHOTS.resolve(name + ".png");
			Files.createDirectories(target.getParent());
			Files.write(target, Base64.getDecoder().decode((String) shot.get("data")));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot save screenshot " + name, ex);
		}
	}

	private static String axeSource() {
		try (InputStream in = AxeBuilder.class.getResourceAsStream("/axe.min.js")) {
			if (in == null) {
				throw new IllegalStateException("axe.min.js is not on the class path (axe-core's Selenium library)");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String origin(String url) {
		URI uri = URI.create(url);
		return uri.getScheme() + "://" + uri.getHost() + ((uri.getPort() == -1) ? "" : ":" + uri.getPort());
	}

	private void throwViolation() {
		AssertionError found = this.violation;
		if (found != null) {
			this.violation = null;
			throw (currentTest != null) ? found
					: new AssertionError("Found after the browser test ended: " + found.getMessage(), found);
		}
	}

	private static WebDriver start(Path profile) {
		ChromeOptions options = new ChromeOptions();
		String binary = setting("CHROME_BIN", "chrome.bin", "/usr/bin/chromium");
		if (binary != null) {
			options.setBinary(binary);
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
