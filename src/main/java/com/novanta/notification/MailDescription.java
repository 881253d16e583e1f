package com.novanta.notification;

/**
 * Where the application's mail goes, for the start-up log.
 *
 * @param embedded whether mail is caught by the embedded SMTP server (dev mailbox)
 * @param summary a one-line description without credentials
 */
public record MailDescription(boolean embedded, String summary) {
}
