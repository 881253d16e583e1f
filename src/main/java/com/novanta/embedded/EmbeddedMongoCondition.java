package com.novanta.embedded;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when no external MongoDB is configured. */
class EmbeddedMongoCondition extends SpringBootCondition {

	/** Either names a MongoDB of one's own. */
	private static final String[] EXTERNAL = { "spring.mongodb.uri", "spring.mongodb.host" };

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Environment environment = context.getEnvironment();
		for (String property : EXTERNAL) {
			if (environment.containsProperty(property)) {
				return ConditionOutcome.noMatch(property + " is set: using that MongoDB");
			}
		}
		return ConditionOutcome.match("no MongoDB URI configured: starting the embedded server");
	}

	/** Whether these settings start the embedded server (no MongoDB configured). */
	static boolean embedded(Environment environment) {
		for (String property : EXTERNAL) {
			if (environment.containsProperty(property)) {
				return false;
			}
		}
		return true;
	}

}
