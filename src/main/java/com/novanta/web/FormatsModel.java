package com.novanta.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the formats in every page's model as {@code fmt}, for the expressions where
 * Thymeleaf forbids bean references ({@code @fmt}): the arguments of a fragment call,
 * such as a page's title given to the layout.
 */
@ControllerAdvice
class FormatsModel {

	private final VisitorFormats formats;

	FormatsModel(VisitorFormats formats) {
		this.formats = formats;
	}

	@ModelAttribute("fmt")
	VisitorFormats fmt() {
		return this.formats;
	}

}
