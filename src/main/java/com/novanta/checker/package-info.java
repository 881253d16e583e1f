/**
 * The public number checker: a line of numbers checked against every past draw of a game
 * over a period, with what it would have matched and won, read from each draw's recorded
 * prize breakdown. Read-only, no account needed; nothing a visitor enters is stored.
 */
package com.novanta.checker;
