package com.novanta.config;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * How a module adds to the application's one security filter chain (sign-in, OAuth2, its
 * own filters), without the chain knowing the module.
 */
@FunctionalInterface
public interface HttpSecurityCustomizer {

	void customize(HttpSecurity http) throws Exception;

}
