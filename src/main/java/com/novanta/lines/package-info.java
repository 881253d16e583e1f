/**
 * Saved lines: a participant names and keeps lines of numbers of a game ("family
 * birthdays"), to play them on the play page and check them in the number checker in one
 * tap. Other modules read a participant's lines through
 * {@link com.novanta.lines.SavedLines} (only their own: every read takes the account),
 * and refer to a line by its id (a later subscription will). The rules of a name and of a
 * line are plain Java ({@code LineEntry}); the lines are the {@code saved_lines}
 * collection, each write one atomic insert or delete guarded by unique indexes.
 */
package com.novanta.lines;
