package com.novanta.account.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import com.novanta.account.Account;
import com.novanta.account.AccountStatus;
import com.novanta.account.Role;
import com.novanta.config.DatabaseIndexes;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Accounts and their linked sign-ins in MongoDB, one atomic document write at a time. */
@Component
public class AccountRepository {

	/**
	 * How long an account read for a signed-in request may be used again by this
	 * instance: a change made on another instance (an account disabled, a password reset,
	 * "sign out everywhere") takes effect here within this long; one made here at once.
	 */
	public static final Duration RECENT = Duration.ofSeconds(1);

	private static final int MAX_RECENT = 10_000;

	private final MongoOperations mongo;

	private final Clock clock;

	private final Map<String, Recent> recent = new ConcurrentHashMap<>();

	/**
	 * Counts this instance's writes to accounts, so that a read racing a write is not
	 * kept.
	 */
	private final AtomicLong writes = new AtomicLong();

	AccountRepository(MongoOperations mongo, DatabaseIndexes indexes, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
		indexes.ensure(Account.class, new Index().on("email", Sort.Direction.ASC).unique());
		indexes.ensure(Account.class, new Index().on("roles", Sort.Direction.ASC));
		indexes.ensure(Identity.class, new Index().on("accountId", Sort.Direction.ASC));
	}

	/** Inserts a new account; fails with a duplicate key if the email is taken. */
	public Account insert(Account account) {
		try {
			return this.mongo.insert(account);
		}
		finally {
			written(account.id());
		}
	}

	public Optional<Account> findById(String id) {
		return Optional.ofNullable(id).map((value) -> this.mongo.findById(value, Account.class));
	}

	/**
	 * The account as it was at most {@link #RECENT} ago by the application's clock: what
	 * every signed-in request checks its session against. Any write to the account
	 * through this instance is seen at once.
	 */
	public Optional<Account> findRecent(String id) {
		if (id == null) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		Recent known = this.recent.get(id);
		if (known != null && !now.isBefore(known.readAt()) && now.isBefore(known.readAt().plus(RECENT))) {
			return Optional.ofNullable(known.account());
		}
		long before = this.writes.get();
		Account account = this.mongo.findById(id, Account.class);
		if (this.writes.get() == before) {
			if (this.recent.size() >= MAX_RECENT) {
				this.recent.clear();
			}
			Recent read = new Recent(account, now);
			this.recent.put(id, read);
			if (this.writes.get() != before) {
				// a write finished meanwhile: what was read may be older than it
				this.recent.remove(id, read);
			}
		}
		return Optional.ofNullable(account);
	}

	private void written(String id) {
		this.writes.incrementAndGet();
		if (id != null) {
			this.recent.remove(id);
		}
	}

	public Optional<Account> findByEmail(String email) {
		return Optional.ofNullable(this.mongo
			.findOne(Query.query(Criteria.where("email").is(EmailAddresses.normalize(email))), Account.class));
	}

	public List<Account> findByRole(Role role) {
		return this.mongo.find(Query.query(Criteria.where("roles").is(role).and("status").is(AccountStatus.ACTIVE)),
				Account.class);
	}

	/** Applies an update to one account, optionally only if it is still as expected. */
	public Optional<Account> update(String id, Criteria precondition, Update update) {
		Criteria criteria = Criteria.where("_id").is(id);
		if (precondition != null) {
			criteria = criteria.andOperator(precondition);
		}
		try {
			return Optional.ofNullable(this.mongo.findAndModify(Query.query(criteria), update,
					FindAndModifyOptions.options().returnNew(true), Account.class));
		}
		finally {
			written(id);
		}
	}

	public Optional<Account> update(String id, Update update) {
		return update(id, null, update);
	}

	public long count() {
		return this.mongo.count(Query.query(Criteria.where("status").ne(AccountStatus.DELETED)), Account.class);
	}

	public List<Account> search(String text, int offset, int limit) {
		Query query = new Query();
		if (text != null && !text.isBlank()) {
			String pattern = Pattern.quote(text.trim());
			query.addCriteria(new Criteria().orOperator(Criteria.where("email").regex(pattern, "i"),
					Criteria.where("name").regex(pattern, "i")));
		}
		query.addCriteria(Criteria.where("status").ne(AccountStatus.DELETED));
		return this.mongo.find(query.with(Sort.by("email")).skip(offset).limit(limit), Account.class);
	}

	// Linked sign-ins (Google, Facebook), keyed by provider and subject

	public Optional<Identity> findIdentity(String provider, String subject) {
		return Optional.ofNullable(this.mongo.findById(Identity.key(provider, subject), Identity.class));
	}

	public List<Identity> identitiesOf(String accountId) {
		return this.mongo.find(Query.query(Criteria.where("accountId").is(accountId)), Identity.class);
	}

	/** Links a sign-in; fails with a duplicate key if it is linked already. */
	public Identity insertIdentity(String provider, String subject, String accountId, String email, Instant now) {
		return this.mongo
			.insert(new Identity(Identity.key(provider, subject), provider, subject, accountId, email, now));
	}

	public boolean deleteIdentity(String accountId, String provider) {
		return this.mongo
			.remove(Query.query(Criteria.where("accountId").is(accountId).and("provider").is(provider)), Identity.class)
			.getDeletedCount() > 0;
	}

	public void deleteIdentities(String accountId) {
		this.mongo.remove(Query.query(Criteria.where("accountId").is(accountId)), Identity.class);
	}

	public MongoOperations mongo() {
		return this.mongo;
	}

	/** An account as read at an instant ({@code null}: there was none). */
	private record Recent(Account account, Instant readAt) {
	}

	public static Set<Role> participant() {
		return Set.of(Role.PARTICIPANT);
	}

}
