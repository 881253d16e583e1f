package com.novanta.account;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.novanta.account.internal.AccountRepository;

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

	public long count() {
		return this.repository.count();
	}

}
