package com.novanta.account.profile;

import java.time.Clock;

import com.novanta.account.internal.AccountProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ProfileConfiguration {

	@Bean
	TimeZones timeZones(AccountProperties properties, Clock clock) {
		return new TimeZones(properties.timeZone(), clock);
	}

}
