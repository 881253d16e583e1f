package com.novanta.notification;

import org.springframework.context.annotation.Conditional;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Lets the layout show a link to the dev mailbox when it exists. */
@ControllerAdvice
@Conditional(EmbeddedMailCondition.class)
class DevMailboxLink {

	@ModelAttribute("devMailbox")
	boolean devMailbox() {
		return true;
	}

}
