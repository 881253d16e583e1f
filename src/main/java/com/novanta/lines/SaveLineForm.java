package com.novanta.lines;

import com.novanta.config.FormFields;

/**
 * The form that saves a line: checked by {@link LineEntry}, not by annotations, so that
 * the numbers follow the chosen game's own rules.
 *
 * @param name the line's name
 * @param game the game's id
 * @param numbers the numbers, separated by spaces, commas or semicolons
 */
@FormFields({ "name", "game", "numbers" })
record SaveLineForm(String name, String game, String numbers) {
}
