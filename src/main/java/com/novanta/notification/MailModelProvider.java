package com.novanta.notification;

import java.util.List;
import java.util.Map;

/**
 * Adds what a message's templates need when it is sent rather than when it is written, so
 * that the outbox keeps small messages (a draw result names the lottery and the
 * participant; their ballots are read when the email is rendered).
 */
public interface MailModelProvider {

	/** Whether this provider knows the template. */
	boolean supports(String template);

	/**
	 * The values to add to the message's own.
	 * @param template the template
	 * @param model the message's stored values
	 * @return more values for the template
	 */
	Map<String, Object> provide(String template, Map<String, Object> model);

	/**
	 * The values for several messages of one template at once (a dispatcher's batch), so
	 * that what they need can be read together rather than once a message.
	 * @param template the template
	 * @param models the messages' stored values
	 * @return more values for each, in the same order
	 */
	default List<Map<String, Object>> provideAll(String template, List<Map<String, Object>> models) {
		return models.stream().map((model) -> provide(template, model)).toList();
	}

}
