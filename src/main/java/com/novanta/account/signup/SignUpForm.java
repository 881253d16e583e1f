package com.novanta.account.signup;

import com.novanta.account.password.PasswordPolicy;
import com.novanta.config.FormFields;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The sign-up form. The password rules beyond its length are checked by
 * {@link PasswordPolicy} in the controller.
 *
 * @param name the name
 * @param email the email address
 * @param password the password
 * @param city the city, optional
 * @param adult the person confirms they are an adult
 * @param terms the person accepts the terms
 */
@FormFields({ "name", "email", "password", "city", "adult", "_adult", "terms", "_terms" })
public record SignUpForm(
		@NotBlank(message = "{signup.name.required}") @Size(max = 100, message = "{signup.name.tooLong}") String name,
		@NotBlank(message = "{signup.email.required}") @Email(message = "{signup.email.invalid}") @Size(max = 254,
				message = "{signup.email.invalid}") String email,
		String password, @Size(max = 100, message = "{signup.city.tooLong}") String city,
		@AssertTrue(message = "{signup.adult.required}") boolean adult,
		@AssertTrue(message = "{signup.terms.required}") boolean terms) {

	static SignUpForm empty() {
		return new SignUpForm("", "", "", "", false, false);
	}

}
