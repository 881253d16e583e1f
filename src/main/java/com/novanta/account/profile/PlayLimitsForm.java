package com.novanta.account.profile;

import com.novanta.config.FormFields;
import com.novanta.responsibleplay.PlayStatus;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * The responsible play limits form: whole numbers from 1 to 10,000, or empty for no
 * limit. Both are required: the page always sends both, and a request without one must
 * not lift that limit.
 *
 * @param dailyLimit the most ballots per day, or empty
 * @param monthlyLimit the most ballots per month, or empty
 */
@FormFields({ "dailyLimit", "monthlyLimit" })
public record PlayLimitsForm(
		@NotNull(message = "{limits.invalid}") @Pattern(regexp = LIMIT, message = "{limits.invalid}") String dailyLimit,
		@NotNull(message = "{limits.invalid}") @Pattern(regexp = LIMIT,
				message = "{limits.invalid}") String monthlyLimit) {

	static final int MAX = 10_000;

	/** Empty, or 1 to 10,000 without a sign or leading zeros, spaces around allowed. */
	static final String LIMIT = "\\s*([1-9][0-9]{0,3}|10000)?\\s*";

	static PlayLimitsForm of(PlayStatus status) {
		return new PlayLimitsForm(text(status.dailyLimit()), text(status.monthlyLimit()));
	}

	Integer daily() {
		return parse(this.dailyLimit);
	}

	Integer monthly() {
		return parse(this.monthlyLimit);
	}

	private static Integer parse(String text) {
		return (text == null || text.isBlank()) ? null : Integer.valueOf(text.trim());
	}

	private static String text(Integer limit) {
		return (limit != null) ? limit.toString() : "";
	}

}
