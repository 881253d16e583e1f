package com.novanta.account;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.novanta.account.internal.AccountRepository;
import com.novanta.audit.AuditEvent;
import com.novanta.audit.AuditLog.Actor;
import com.novanta.audit.AuditLog;
import com.novanta.responsibleplay.ExclusionPeriod;
import com.novanta.responsibleplay.PlayRestrictions;
import com.novanta.responsibleplay.PlayStatus;
import com.novanta.testing.AllAtOnce;
import com.novanta.testing.IntegrationTest;
import com.novanta.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;

/** Limits and self-exclusion as stored on the account, and their audit trail. */
@IntegrationTest
class PlayRestrictionsIntegrationTests {

	@Autowired
	PlayRestrictions restrictions;

	@Autowired
	AccountRepository accounts;

	@Autowired
	AuditLog audit;

	@Autowired
	MutableClock clock;

	@Autowired
	MongoOperations mongo;

	@Autowired
	ApplicationContext context;

	CurrentAccount participant;

	@BeforeEach
	void setUp() {
		this.participant = new TestParticipants(this.context).verified("Rita Levi");
	}

	@Test
	void aLowerLimitAppliesAtOnceAndAHigherOneAfterTwentyFourHours() {
		Instant start = this.clock.instant();
		this.restrictions.setLimits(this.participant.id(), 10, 200, actor("10.9.0.1"));
		assertThat(this.restrictions.status(this.participant.id()).dailyLimit()).isEqualTo(10);

		PlayStatus raised = this.restrictions.setLimits(this.participant.id(), 30, 100, actor(null));
		assertThat(raised.dailyLimit()).isEqualTo(10);
		assertThat(raised.daily().pending()).isEqualTo(30);
		assertThat(raised.daily().pendingFrom()).isEqualTo(start.plus(Duration.ofHours(24)));
		assertThat(raised.monthlyLimit()).isEqualTo(100);

		this.clock.advance(Duration.ofHours(24).minusSeconds(1));
		assertThat(this.restrictions.status(this.participant.id()).dailyLimit()).isEqualTo(10);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.restrictions.status(this.participant.id()).dailyLimit()).isEqualTo(30);
	}

	@Test
	void everyChangeIsAuditedWithBeforeAndAfter() {
		this.restrictions.setLimits(this.participant.id(), 10, null, actor("10.9.0.2"));
		// the newest entry is the one with the latest instant: a tie would be either
		this.clock.advance(Duration.ofSeconds(1));
		this.restrictions.setLimits(this.participant.id(), 4, null, actor("10.9.0.2"));

		assertThat(events("PLAY_LIMITS_CHANGED")).extracting((event) -> event.after().get("dailyLimit"))
			.containsExactly(4, 10);
		AuditEvent lowered = lastEvent("PLAY_LIMITS_CHANGED");
		assertThat(lowered.actorId()).isEqualTo(this.participant.id());
		assertThat(lowered.clientAddress()).isEqualTo("10.9.0.2");
		assertThat(lowered.before()).containsEntry("dailyLimit", 10);
		assertThat(lowered.after()).containsEntry("dailyLimit", 4).containsEntry("monthlyLimit", null);

		Instant until = this.restrictions.exclude(this.participant.id(), ExclusionPeriod.ONE_YEAR, actor(null))
			.orElseThrow();
		AuditEvent excluded = lastEvent("SELF_EXCLUDED");
		assertThat(excluded.before()).containsEntry("excludedUntil", null);
		assertThat(excluded.after().get("excludedUntil")).isNotNull();
		assertThat(this.accounts.findById(this.participant.id()).orElseThrow().responsiblePlay().excludedUntil())
			.isEqualTo(until);
	}

	@Test
	void askingForTheSameLimitsAgainChangesNothing() {
		this.restrictions.setLimits(this.participant.id(), 10, null, actor(null));
		long revision = revision();

		this.restrictions.setLimits(this.participant.id(), 10, null, actor(null));

		assertThat(revision()).isEqualTo(revision);
		assertThat(this.audit.find(new AuditLog.AuditFilter(this.participant.id(), "PLAY_LIMITS_CHANGED"), 0, 10))
			.hasSize(1);
	}

	@Test
	void anExclusionCannotBeShortened() {
		Instant until = this.restrictions.exclude(this.participant.id(), ExclusionPeriod.TWO_YEARS, actor(null))
			.orElseThrow();

		assertThat(this.restrictions.exclude(this.participant.id(), ExclusionPeriod.ONE_YEAR, actor(null))).isEmpty();
		assertThat(this.restrictions.status(this.participant.id()).excludedUntil()).isEqualTo(until);
		Instant longer = this.restrictions.exclude(this.participant.id(), ExclusionPeriod.FIVE_YEARS, actor(null))
			.orElseThrow();
		assertThat(longer).isAfter(until);
	}

	@Test
	void anAccountStoredBeforeResponsiblePlayExistedCanSetLimits() {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(this.participant.id())),
				new Update().unset("responsiblePlay"), Account.class);
		assertThat(this.restrictions.status(this.participant.id()).hasLimits()).isFalse();

		this.restrictions.setLimits(this.participant.id(), 7, null, actor(null));

		assertThat(this.restrictions.status(this.participant.id()).dailyLimit()).isEqualTo(7);
	}

	@Test
	void changesAtOnceNeverLoseALowering() throws Exception {
		this.restrictions.setLimits(this.participant.id(), 50, null, actor(null));
		AllAtOnce.run(8, (i) -> {
			int limit = (i % 2 == 0) ? 100 + i : 5;
			return () -> this.restrictions.setLimits(this.participant.id(), limit, null, actor(null));
		});
		// whatever the order, a lowering to 5 applied and no raise is in force yet
		assertThat(this.restrictions.status(this.participant.id()).dailyLimit()).isEqualTo(5);
		// and every change that was written was audited once
		assertThat(revision()).isEqualTo(
				this.audit.find(new AuditLog.AuditFilter(this.participant.id(), "PLAY_LIMITS_CHANGED"), 0, 100).size());
	}

	private long revision() {
		return this.accounts.findById(this.participant.id()).orElseThrow().responsiblePlay().revision();
	}

	/** This participant's entries of an action, newest first. */
	private List<AuditEvent> events(String action) {
		return this.audit.find(new AuditLog.AuditFilter(this.participant.id(), action), 0, 100);
	}

	private AuditEvent lastEvent(String action) {
		return events(action).get(0);
	}

	private Actor actor(String clientAddress) {
		return new Actor(this.participant.id(), this.participant.email(), clientAddress);
	}

}
