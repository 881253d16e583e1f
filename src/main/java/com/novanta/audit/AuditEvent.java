package com.novanta.audit;

import java.time.Instant;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One entry of the audit log: who did what, to what, when, and the values before and
 * after. Entries are only ever inserted.
 *
 * @param id the entry's id
 * @param at when it happened
 * @param actorId the account that acted, or {@code null} for the system or an anonymous
 * visitor
 * @param actorEmail that account's email at the time, or a description such as "system"
 * @param action what happened, for example {@code SIGN_IN_FAILED}
 * @param targetType what it happened to, for example {@code account}
 * @param targetId which one
 * @param before the values before, if any
 * @param after the values after, if any
 * @param clientAddress the client's address, when a request caused it
 */
@Document("audit_events")
public record AuditEvent(@Id String id, Instant at, String actorId, String actorEmail, String action, String targetType,
		String targetId, Map<String, Object> before, Map<String, Object> after, String clientAddress) {
}
