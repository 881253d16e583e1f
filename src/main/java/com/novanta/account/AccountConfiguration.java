package com.novanta.account;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AccountConfiguration {

	@Bean
	PasswordPolicy passwordPolicy() {
		return new PasswordPolicy(CommonPasswords.load());
	}

	@Bean
	TimeZones timeZones(AccountProperties properties, Clock clock) {
		return new TimeZones(properties.timeZone(), clock);
	}

}
