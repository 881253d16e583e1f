package com.novanta.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The request parameters a form binds, declared next to the form: its allow-list. A
 * request naming a property path ({@code a.b}, {@code a[0]}) that the form bound by its
 * handler does not declare here is refused with a 400 before anything is bound, so that
 * no renamed field ({@code name.x}, {@code key[$ne]}) reaches Spring's data binder.
 * Parameters that are not property paths and unknown to the form ({@code _csrf},
 * {@code lang}) are ignored as before. A form without this annotation binds no property
 * path at all.
 * <p>
 * Lives here rather than in {@code web}, which enforces it, because every module may
 * depend on {@code config} and {@code web} itself depends on the modules whose forms it
 * guards.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface FormFields {

	/**
	 * The parameter names: plain ({@code name}), checkbox markers ({@code _adult}), and
	 * property paths in which {@code [i]} stands for a list index written as a plain
	 * decimal from 0 to 255 ({@code lines[i].numbers}).
	 */
	String[] value();

}
