package com.novanta.notification;

import com.novanta.config.DevMode;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches in dev mode when no SMTP host is configured: mail then goes to the embedded
 * catcher and its dev mailbox. Never outside dev mode, where a missing SMTP host stops
 * the start-up instead (config's DeploymentCheck).
 */
class EmbeddedMailCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		if (!DevMode.isOn(context.getEnvironment())) {
			return ConditionOutcome.noMatch(DevMode.PROPERTY + " is off: no embedded mail catcher, no dev mailbox");
		}
		if (context.getEnvironment().containsProperty("spring.mail.host")) {
			return ConditionOutcome.noMatch("spring.mail.host is set: sending through that SMTP server");
		}
		return ConditionOutcome.match("dev mode and no SMTP host configured: catching mail in the dev mailbox");
	}

}
