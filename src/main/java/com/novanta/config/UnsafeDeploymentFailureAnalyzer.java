package com.novanta.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints why the deployment was refused and what to set, instead of a stack trace. */
class UnsafeDeploymentFailureAnalyzer extends AbstractFailureAnalyzer<UnsafeDeploymentException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, UnsafeDeploymentException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.getAction(), cause);
	}

}
