package com.novanta.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.novanta.config.FormFields;

import org.springframework.validation.DataBinder;

/**
 * The property paths that the forms of one handler declare with {@link FormFields}, and
 * whether a request parameter may be bound: a plain name always may (the binder ignores
 * names the form does not have), a property path only if a form declares it.
 */
final class DeclaredFields {

	/**
	 * The largest index {@code [i]} stands for: the last one Spring's data binder grows a
	 * list to, past which it throws instead of binding.
	 */
	static final int MAX_INDEX = DataBinder.DEFAULT_AUTO_GROW_COLLECTION_LIMIT - 1;

	private static final String INDEX = "[i]";

	/** A decimal index, without sign or leading zero, checked against the limit apart. */
	private static final String INDEX_PATTERN = "\\[(0|[1-9][0-9]{0,2})\\]";

	private final List<Pattern> paths;

	private DeclaredFields(List<Pattern> paths) {
		this.paths = paths;
	}

	/** The property paths declared by these forms, together. */
	static DeclaredFields of(Collection<Class<?>> forms) {
		List<Pattern> paths = new ArrayList<>();
		for (Class<?> form : forms) {
			FormFields declared = form.getAnnotation(FormFields.class);
			if (declared != null) {
				for (String name : declared.value()) {
					if (isPropertyPath(name)) {
						paths.add(compile(name));
					}
				}
			}
		}
		return new DeclaredFields(List.copyOf(paths));
	}

	/**
	 * Whether the name is a property path to Spring's binder: a nested or indexed
	 * property, rather than a plain name it binds to a field or ignores.
	 */
	static boolean isPropertyPath(String name) {
		return name.indexOf('.') >= 0 || name.indexOf('[') >= 0;
	}

	/** Whether a parameter of this name may reach the binder. */
	boolean allows(String parameter) {
		if (!isPropertyPath(parameter)) {
			return true;
		}
		for (Pattern path : this.paths) {
			Matcher matcher = path.matcher(parameter);
			if (matcher.matches() && indexesInRange(matcher)) {
				return true;
			}
		}
		return false;
	}

	private static boolean indexesInRange(Matcher matcher) {
		for (int group = 1; group <= matcher.groupCount(); group++) {
			if (Integer.parseInt(matcher.group(group)) > MAX_INDEX) {
				return false;
			}
		}
		return true;
	}

	/** Every character as written, but {@code [i]}, which matches an index. */
	private static Pattern compile(String declared) {
		StringBuilder regex = new StringBuilder();
		int from = 0;
		for (int at = declared.indexOf(INDEX); at >= 0; at = declared.indexOf(INDEX, from)) {
			regex.append(Pattern.quote(declared.substring(from, at))).append(INDEX_PATTERN);
			from = at + INDEX.length();
		}
		if (from < declared.length()) {
			regex.append(Pattern.quote(declared.substring(from)));
		}
		return Pattern.compile(regex.toString());
	}

}
