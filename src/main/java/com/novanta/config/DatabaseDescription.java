package com.novanta.config;

/**
 * Which database the application uses, for the start-up log.
 *
 * @param embedded whether it is the embedded MongoDB-compatible server
 * @param summary a one-line description without credentials
 */
public record DatabaseDescription(boolean embedded, String summary) {
}
