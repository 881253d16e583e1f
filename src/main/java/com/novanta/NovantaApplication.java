package com.novanta;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class NovantaApplication {

	public static void main(String[] args) {
		SpringApplication.run(NovantaApplication.class, args);
	}

}
