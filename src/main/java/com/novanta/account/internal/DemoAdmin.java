package com.novanta.account.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Set;

import com.novanta.account.Account;
import com.novanta.account.AccountStatus;
import com.novanta.account.Role;
import com.novanta.audit.AuditAction;
import com.novanta.audit.AuditLog.Actor;
import com.novanta.audit.AuditLog;
import com.novanta.config.DatabaseDescription;
import com.novanta.config.DevMode;
import com.novanta.responsibleplay.ResponsiblePlay;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * In dev mode on the embedded database, a demo admin is created at first start and its
 * sign-in printed once, so a newcomer can look at the admin area at once. Never outside
 * dev mode (there is no such bean), never on an external database.
 */
@Component
@ConditionalOnBooleanProperty(DevMode.PROPERTY)
public class DemoAdmin {

	public static final String EMAIL = "admin@novanta.local";

	private static final Logger log = LoggerFactory.getLogger(DemoAdmin.class);

	private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private final AccountRepository accounts;

	private final PasswordEncoder passwords;

	private final DatabaseDescription database;

	private final AccountProperties properties;

	private final AuditLog audit;

	private final Clock clock;

	public DemoAdmin(AccountRepository accounts, PasswordEncoder passwords, DatabaseDescription database,
			AccountProperties properties, AuditLog audit, Clock clock) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.database = database;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStart() {
		try {
			createOnFirstStart();
		}
		catch (RuntimeException ex) {
			log.warn("Cannot check for the demo admin now (is the database reachable?): {}", ex.getMessage());
		}
	}

	public void createOnFirstStart() {
		if (!this.database.embedded() || !this.properties.demoAdmin() || this.accounts.findByEmail(EMAIL).isPresent()) {
			return;
		}
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		Account admin = new Account(new ObjectId().toHexString(), EMAIL, true, this.passwords.encode(password),
				"Demo Admin", null, Set.of(Role.PARTICIPANT, Role.ADMIN), this.properties.timeZone(), "en", true,
				AccountStatus.ACTIVE, 0, this.clock.instant(), this.clock.instant(), null, ResponsiblePlay.NONE, null);
		try {
			this.accounts.insert(admin);
		}
		catch (DuplicateKeyException ex) {
			return;
		}
		this.audit.record(Actor.system(), AuditAction.DEMO_ADMIN_CREATED, "account", admin.id());
		log.info("event=demo-admin email={} password={} (shown only this once; sign in at /signin)", EMAIL, password);
	}

}
