package com.novanta.winner;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.novanta.account.CurrentAccount;
import com.novanta.audit.AuditAction;
import com.novanta.audit.AuditLog;
import com.novanta.audit.AuditLog.Actor;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * A winner's choice of what the public may know about one of their wins: their city,
 * their prize, or nothing (the default). Only the winner can change it, at any time.
 */
@Service
class WinPublicity {

	static final AuditAction CHANGED = AuditAction.WIN_PUBLICITY_CHANGED;

	private final MongoOperations mongo;

	private final AuditLog audit;

	WinPublicity(MongoOperations mongo, AuditLog audit) {
		this.mongo = mongo;
		this.audit = audit;
	}

	/**
	 * Sets what the public may know about a win of the participant's.
	 * @return the win as it is now, or empty if it is not theirs (or does not exist)
	 */
	Optional<Winner> choose(CurrentAccount me, String winnerId, boolean shareCity, boolean sharePrize,
			String clientAddress) {
		Query own = Query.query(Criteria.where("_id").is(winnerId).and("accountId").is(me.id()));
		// The lottery of a win never changes: read it to mark the win as shared in it.
		Winner found = this.mongo.findOne(own, Winner.class);
		if (found == null) {
			return Optional.empty();
		}
		Update update = new Update().set("shareCity", shareCity).set("sharePrize", sharePrize);
		if (shareCity || sharePrize) {
			update.set(SharedWins.SHARED_IN, found.lotteryId());
		}
		else {
			update.unset(SharedWins.SHARED_IN);
		}
		// one atomic write, guarded by the winner's account
		Winner before = this.mongo.findAndModify(own, update, FindAndModifyOptions.options().returnNew(false),
				Winner.class);
		if (before == null) {
			return Optional.empty();
		}
		Winner after = with(before, shareCity, sharePrize);
		if (before.shareCity() != shareCity || before.sharePrize() != sharePrize) {
			this.audit.record(new Actor(me.id(), me.email(), clientAddress), CHANGED, "winner", winnerId,
					choice(before), choice(after));
		}
		return Optional.of(after);
	}

	private static Map<String, Object> choice(Winner winner) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("shareCity", winner.shareCity());
		values.put("sharePrize", winner.sharePrize());
		return values;
	}

	private static Winner with(Winner w, boolean shareCity, boolean sharePrize) {
		return new Winner(w.id(), w.lotteryId(), w.gameId(), w.drawDate(), w.slipId(), w.line(), w.receipt(),
				w.accountId(), w.numbers(), w.matched(), w.tier(), w.prize(), w.jackpot(), shareCity, sharePrize,
				w.createdAt());
	}

}
