package com.novanta.account;

import java.time.Clock;

import com.novanta.account.internal.AccountProperties;
import com.novanta.account.internal.AccountRepository;
import com.novanta.account.internal.DemoAdmin;
import com.novanta.audit.AuditLog;
import com.novanta.config.DatabaseDescription;
import com.novanta.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo admin exists in dev mode on the embedded database only (outside dev mode there
 * is no {@link DemoAdmin} at all: {@code DevModeIntegrationTests}).
 */
@IntegrationTest
class DemoAdminTests {

	@Autowired
	DemoAdmin demoAdmin;

	@Autowired
	AccountRepository accounts;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	AccountProperties properties;

	@Autowired
	AuditLog audit;

	@Autowired
	Clock clock;

	@Test
	void existsInDevModeOnTheEmbeddedDatabase() {
		this.demoAdmin.createOnFirstStart();

		assertThat(this.accounts.findByEmail(DemoAdmin.EMAIL))
			.hasValueSatisfying((admin) -> assertThat(admin.roles()).contains(Role.ADMIN));
	}

	@Test
	void isNeverMadeOnARealDatabase() {
		this.accounts.mongo().remove(Query.query(Criteria.where("email").is(DemoAdmin.EMAIL)), Account.class);

		new DemoAdmin(this.accounts, this.passwords, new DatabaseDescription(false, "external MongoDB at db1"),
				this.properties, this.audit, this.clock)
			.createOnFirstStart();

		assertThat(this.accounts.findByEmail(DemoAdmin.EMAIL)).isEmpty();
	}

}
