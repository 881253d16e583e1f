package com.novanta.notification;

/**
 * New messages are waiting in the outbox: the dispatcher need not wait for its next
 * round.
 *
 * @param count how many
 */
record OutboxMessagesWritten(int count) {
}
