package com.novanta.config;

/**
 * The configuration would expose what must not be exposed, or could not work: the
 * application refuses to start, saying why and what to set
 * ({@link UnsafeDeploymentFailureAnalyzer}).
 */
class UnsafeDeploymentException extends RuntimeException {

	private final String action;

	UnsafeDeploymentException(String description, String action) {
		super(description);
		this.action = action;
	}

	String getAction() {
		return this.action;
	}

}
