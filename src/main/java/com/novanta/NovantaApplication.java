package com.novanta;

import com.novanta.embedded.DatabaseCommands;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class NovantaApplication {

	public static void main(String[] args) {
		if (DatabaseCommands.handles(args)) {
			// backup and restore of the embedded database, without starting the
			// application
			System.exit(DatabaseCommands.run(args));
		}
		SpringApplication.run(NovantaApplication.class, args);
	}

}
