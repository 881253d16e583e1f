package com.novanta.notification;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when no SMTP host is configured: mail then goes to the embedded catcher. */
class EmbeddedMailCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		if (context.getEnvironment().containsProperty("spring.mail.host")) {
			return ConditionOutcome.noMatch("spring.mail.host is set: sending through that SMTP server");
		}
		return ConditionOutcome.match("no SMTP host configured: catching mail in the dev mailbox");
	}

}
