package com.novanta.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

@Configuration(proxyBeanMethods = false)
class MongoConfiguration {

	/**
	 * Dates and times go through the driver's own codecs: a {@code LocalDate} is stored
	 * as midnight UTC, whatever the server's default time zone.
	 */
	@Bean
	MongoCustomConversions mongoCustomConversions() {
		return MongoCustomConversions
			.create(MongoCustomConversions.MongoConverterConfigurationAdapter::useNativeDriverJavaTimeCodecs);
	}

}
