package com.novanta.account.social;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Component;

/**
 * The sign-in providers that are configured (a client id and secret are set): only those
 * get a button.
 */
@Component
public class SocialProviders {

	private final List<Provider> providers;

	SocialProviders(ObjectProvider<ClientRegistrationRepository> repository) {
		List<Provider> providers = new ArrayList<>();
		if (repository.getIfAvailable() instanceof Iterable<?> registrations) {
			for (Object registration : registrations) {
				if (registration instanceof ClientRegistration client) {
					providers.add(new Provider(client.getRegistrationId(), displayName(client)));
				}
			}
		}
		providers.sort(Comparator.comparing(Provider::id));
		this.providers = List.copyOf(providers);
	}

	public List<Provider> all() {
		return this.providers;
	}

	public String displayName(String id) {
		return this.providers.stream().filter((p) -> p.id().equals(id)).map(Provider::name).findFirst().orElse(id);
	}

	public boolean isEnabled(String id) {
		return this.providers.stream().anyMatch((p) -> p.id().equals(id));
	}

	private static String displayName(ClientRegistration client) {
		return switch (client.getRegistrationId()) {
			case "google" -> "Google";
			case "facebook" -> "Facebook";
			default -> client.getClientName();
		};
	}

	/**
	 * A configured provider.
	 *
	 * @param id the registration id
	 * @param name the name shown on its button
	 */
	public record Provider(String id, String name) {
	}

}
