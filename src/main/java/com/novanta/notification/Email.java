package com.novanta.notification;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a business step asks the outbox to send. The key makes it idempotent: writing an
 * email with a key already in the outbox changes nothing.
 *
 * @param key the unique key, for example {@code draw:LOTTERY:ACCOUNT}
 * @param to the recipient's address
 * @param template the template under {@code templates/mail/} (without extension)
 * @param locale the recipient's language tag
 * @param timeZone the recipient's time zone id
 * @param model the template's values
 * @param headers extra headers
 * @param category what kind of message
 */
public record Email(String key, String to, String template, String locale, String timeZone, Map<String, Object> model,
		Map<String, String> headers, String category) {

	/** The model entry listing the names of secret values. */
	static final String SECRETS = "secrets";

	public static Builder builder(String key, String to, String template) {
		return new Builder(key, to, template);
	}

	/** Builds an {@link Email}. */
	public static final class Builder {

		private final String key;

		private final String to;

		private final String template;

		private String locale = "en";

		private String timeZone = "UTC";

		private final Map<String, Object> model = new LinkedHashMap<>();

		private final Map<String, String> headers = new LinkedHashMap<>();

		private final List<String> secrets = new ArrayList<>();

		private String category = "account";

		private Builder(String key, String to, String template) {
			this.key = key;
			this.to = to;
			this.template = template;
		}

		public Builder locale(String locale) {
			this.locale = locale;
			return this;
		}

		public Builder timeZone(String timeZone) {
			this.timeZone = timeZone;
			return this;
		}

		public Builder with(String name, Object value) {
			this.model.put(name, value);
			return this;
		}

		/**
		 * A value only the recipient may know, such as a link with a token: it is removed
		 * from the stored message once the message is sent or given up on.
		 */
		public Builder secret(String name, Object value) {
			this.model.put(name, value);
			this.secrets.add(name);
			return this;
		}

		public Builder header(String name, String value) {
			this.headers.put(name, value);
			return this;
		}

		public Builder category(String category) {
			this.category = category;
			return this;
		}

		public Email build() {
			if (!this.secrets.isEmpty()) {
				this.model.put(SECRETS, List.copyOf(this.secrets));
			}
			return new Email(this.key, this.to, this.template, this.locale, this.timeZone,
					Collections.unmodifiableMap(new LinkedHashMap<>(this.model)),
					Collections.unmodifiableMap(new LinkedHashMap<>(this.headers)), this.category);
		}

	}

}
