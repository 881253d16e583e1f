/**
 * Reminders: the opt-in emails a participant asks for on the account page, shortly before
 * a game's lottery closes and when its jackpot reaches an amount they set. One step
 * ({@link com.novanta.reminder.ReminderRun}) writes them to the outbox under keys that
 * make each (participant, lottery, kind) once, however many instances run it and however
 * often; the choices are stored with the account ({@code account.Reminders}).
 */
@ApplicationModule
package com.novanta.reminder;

import org.springframework.modulith.ApplicationModule;
