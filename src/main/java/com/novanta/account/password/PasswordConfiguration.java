package com.novanta.account.password;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

	@Bean
	PasswordPolicy passwordPolicy() {
		return new PasswordPolicy(CommonPasswords.load());
	}

}
