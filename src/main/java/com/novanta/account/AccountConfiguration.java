package com.novanta.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AccountConfiguration {

	@Bean
	PasswordPolicy passwordPolicy() {
		return new PasswordPolicy(CommonPasswords.load());
	}

}
