package com.novanta.feeds;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the feeds' addresses in every page's model as {@code feedLinks}, for the link
 * attributes where Thymeleaf forbids bean references: the calendar's {@code webcal:}
 * link.
 */
@ControllerAdvice
class FeedLinksModel {

	private final FeedLinks links;

	FeedLinksModel(FeedLinks links) {
		this.links = links;
	}

	@ModelAttribute("feedLinks")
	FeedLinks feedLinks() {
		return this.links;
	}

}
