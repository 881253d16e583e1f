package com.novanta.beacon;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The beacon ({@code lottery.fairness.beacon.*}): the drand chain is pinned here (hash,
 * public key, genesis, period) and never taken from the network, so a relay can serve
 * rounds but cannot choose the key they are checked against.
 *
 * @param urls the drand HTTP relays, tried in turn while one is unavailable
 * @param chainHash the chain's hash, which names it on every relay
 * @param publicKey the chain's BLS public key (a compressed G2 point, hex)
 * @param genesis when round 1 was published
 * @param period the time between two rounds
 * @param connectTimeout how long to wait for a relay's connection
 * @param timeout how long to wait for a relay's whole answer
 * @param margin how long after a lottery's close its round is published at the earliest
 * (its round is the first one published at least this long after the close), so that the
 * ballot digest is published before anyone knows the round's value
 * @param overrideAfter how long a round must be overdue before an operator may draw
 * without it ({@link BeaconTerms})
 */
@ConfigurationProperties("lottery.fairness.beacon")
record BeaconProperties(List<URI> urls, String chainHash, String publicKey, Instant genesis, Duration period,
		Duration connectTimeout, Duration timeout, Duration margin, Duration overrideAfter) {

	BeaconProperties {
		urls = (urls != null) ? List.copyOf(urls) : List.of();
		connectTimeout = (connectTimeout != null) ? connectTimeout : Duration.ofSeconds(5);
		timeout = (timeout != null) ? timeout : Duration.ofSeconds(10);
		margin = (margin != null) ? margin : Duration.ofMinutes(1);
		overrideAfter = (overrideAfter != null) ? overrideAfter : Duration.ofHours(2);
	}

	BeaconTerms terms() {
		return new BeaconTerms(this.margin, this.overrideAfter);
	}

}
