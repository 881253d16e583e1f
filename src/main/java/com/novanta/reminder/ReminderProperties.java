package com.novanta.reminder;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Reminder settings ({@code lottery.reminders} in {@code application.yml}, where the
 * account page reads the window too).
 *
 * @param closingWindow a closing reminder is written once a lottery closes within this
 * long
 * @param interval how often the step runs
 */
@ConfigurationProperties("lottery.reminders")
record ReminderProperties(Duration closingWindow, Duration interval) {
}
