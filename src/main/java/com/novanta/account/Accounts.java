package com.novanta.account;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.novanta.account.internal.AccountRepository;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Reading accounts, for the other modules (who to email, admins to alert): as
 * {@link Participant}s, never the whole account.
 */
@Service
public class Accounts {

	private final AccountRepository repository;

	Accounts(AccountRepository repository) {
		this.repository = repository;
	}

	public Optional<Participant> find(String id) {
		return this.repository.findById(id).map(Participant::of);
	}

	/**
	 * Whether the account exists and its owner proved their email address (only they can
	 * play): for a step that plays for them, such as a subscription.
	 */
	public boolean isVerified(String id) {
		return this.repository.findById(id).map(Account::emailVerified).orElse(false);
	}

	/** The accounts with these ids, in no particular order (deleted ones included). */
	public List<Participant> findAll(Collection<String> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.repository.mongo()
			.find(Query.query(Criteria.where("_id").in(ids)), Account.class)
			.stream()
			.map(Participant::of)
			.toList();
	}

	/** The active admins. */
	public List<Participant> admins() {
		return this.repository.findByRole(Role.ADMIN).stream().map(Participant::of).toList();
	}

	/**
	 * The participants who asked to hear before the game's lotteries close: active
	 * accounts whose email is verified (an unverified one cannot play), streamed; close
	 * the stream after use.
	 */
	public Stream<Participant> wantingClosingReminders(String gameId) {
		return reminded(Criteria.where("reminders.closing").is(gameId));
	}

	/**
	 * The participants whose jackpot alert for the game is at most {@code euros}: active
	 * accounts whose email is verified, streamed; close the stream after use.
	 */
	public Stream<Participant> wantingJackpotAlerts(String gameId, long euros) {
		return reminded(Criteria.where("reminders.jackpot." + gameId).lte(euros));
	}

	private Stream<Participant> reminded(Criteria wanting) {
		Query query = Query.query(wanting.and("status").is(AccountStatus.ACTIVE).and("emailVerified").is(true))
			.with(Sort.by("_id"));
		return this.repository.mongo().stream(query, Account.class).map(Participant::of);
	}

	public long count() {
		return this.repository.count();
	}

}
