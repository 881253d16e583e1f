package com.novanta;

import com.novanta.embedded.DatabaseCommands;
import com.novanta.embedded.EmbeddedMongoServer;

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
		application().run(args);
	}

	/**
	 * The application as {@code main} starts it: the embedded database's file (if that is
	 * the database) opens while Spring starts.
	 */
	public static SpringApplication application() {
		SpringApplication application = new SpringApplication(NovantaApplication.class);
		application.addListeners(EmbeddedMongoServer.openEarly());
		return application;
	}

}
