package com.novanta.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.novanta.config.FormFields;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses, before anything is bound, a request that names a property path its form does
 * not declare ({@code name.x}, {@code key[$ne]}, {@code lines[0].numbers[x]}): Spring's
 * data binder would otherwise follow such a path into the form and fail in ways that are
 * not binding errors (an exception thrown while constructing a record, a number format
 * error on an index), or bind something no page of ours sends. The forms of a handler are
 * its {@link ModelAttribute} parameters and any parameter of a type with
 * {@link FormFields}. {@link MalformedRequests} answers the refusal with a 400.
 */
class UndeclaredFieldGuard implements HandlerInterceptor {

	/** The fields of each handler's forms, or nothing for a handler without a form. */
	private final Map<Method, Optional<DeclaredFields>> handlers = new ConcurrentHashMap<>();

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		// The error page is rendered for the same request, with the same parameters.
		if (request.getDispatcherType() == DispatcherType.ERROR || !(handler instanceof HandlerMethod method)) {
			return true;
		}
		Optional<DeclaredFields> fields = this.handlers.computeIfAbsent(method.getMethod(), (key) -> fieldsOf(method));
		if (fields.isPresent()) {
			for (String parameter : request.getParameterMap().keySet()) {
				if (!fields.get().allows(parameter)) {
					throw new UndeclaredFieldException(parameter);
				}
			}
		}
		return true;
	}

	/**
	 * What the forms of the handler declare, together; nothing for a handler that binds
	 * no form, whose request parameters are read by name and so never followed as paths.
	 */
	static Optional<DeclaredFields> fieldsOf(HandlerMethod handler) {
		List<Class<?>> forms = new ArrayList<>();
		for (MethodParameter parameter : handler.getMethodParameters()) {
			if (isForm(parameter)) {
				forms.add(parameter.getParameterType());
			}
		}
		return forms.isEmpty() ? Optional.empty() : Optional.of(DeclaredFields.of(forms));
	}

	static boolean isForm(MethodParameter parameter) {
		return parameter.hasParameterAnnotation(ModelAttribute.class)
				|| parameter.getParameterType().isAnnotationPresent(FormFields.class);
	}

	/** A parameter naming a property path that the handler's form does not declare. */
	static class UndeclaredFieldException extends RuntimeException {

		UndeclaredFieldException(String parameter) {
			super("Not a field of the form: " + parameter);
		}

	}

}
