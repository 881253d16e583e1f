package com.novanta.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Makes the {@link Browser}'s checks report on the test that caused them: the last page a
 * test reached is checked when the test ends, and a violation found there fails that
 * test, not the next one. Every browser test has it, through {@link BrowserTest}.
 */
public final class BrowserChecks implements BeforeEachCallback, AfterEachCallback {

	@Override
	public void beforeEach(ExtensionContext context) {
		Browser.testStarted(context.getUniqueId(), context.getRequiredTestClass().getSimpleName() + "/"
				+ context.getTestMethod().map((method) -> method.getName()).orElse("test"));
	}

	@Override
	public void afterEach(ExtensionContext context) {
		Browser.testFinished();
	}

}
