package com.novanta.account.profile;

import com.novanta.account.Account;
import com.novanta.config.FormFields;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The profile form.
 *
 * @param name the name
 * @param city the city, optional
 * @param timeZone the time zone id (checked against the known zones by the controller)
 * @param language {@code en} or {@code it}, required: the page always sends one
 */
@FormFields({ "name", "city", "timeZone", "language" })
public record ProfileForm(
		@NotBlank(message = "{signup.name.required}") @Size(max = 100, message = "{signup.name.tooLong}") String name,
		@Size(max = 100, message = "{signup.city.tooLong}") String city,
		@NotBlank(message = "{profile.timeZone.invalid}") String timeZone,
		@NotNull(message = "{profile.language.invalid}") @Pattern(regexp = "en|it",
				message = "{profile.language.invalid}") String language) {

	static ProfileForm of(Account account) {
		return new ProfileForm(account.name(), account.city(), account.timeZone(), account.language());
	}

}
