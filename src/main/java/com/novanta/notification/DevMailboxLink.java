package com.novanta.notification;

import com.novanta.config.DevMode;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Conditional;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Lets the layout show a link to the dev mailbox when it exists, to those it answers
 * (this machine).
 */
@ControllerAdvice
@Conditional(EmbeddedMailCondition.class)
class DevMailboxLink {

	@ModelAttribute("devMailbox")
	boolean devMailbox(HttpServletRequest request) {
		return DevMode.isFromThisMachine(request);
	}

}
