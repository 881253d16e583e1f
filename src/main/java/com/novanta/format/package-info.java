/**
 * How Novanta writes dates and times: one format per language, the same on pages and in
 * emails, in the reader's time zone, and the words people use for a draw ("tonight at
 * midnight").
 */
package com.novanta.format;
