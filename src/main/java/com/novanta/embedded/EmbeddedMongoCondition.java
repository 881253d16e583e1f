package com.novanta.embedded;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when no external MongoDB is configured. */
class EmbeddedMongoCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Environment environment = context.getEnvironment();
		for (String property : new String[] { "spring.mongodb.uri", "spring.mongodb.host" }) {
			if (environment.containsProperty(property)) {
				return ConditionOutcome.noMatch(property + " is set: using that MongoDB");
			}
		}
		return ConditionOutcome.match("no MongoDB URI configured: starting the embedded server");
	}

}
