package com.novanta.beacon;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The drand quicknet beacon, read from its public HTTP relays and verified here: a relay
 * is trusted for nothing, since every round is checked against the pinned public key.
 * Relays are tried in turn while they are unavailable; an answer that does not verify
 * stops at once ({@link BeaconInvalid}), since it means tampering, not an outage.
 */
class DrandBeacon extends ChainBeacon {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final List<URI> relays;

	private final Duration timeout;

	private final HttpClient http;

	DrandBeacon(DrandChain chain, List<URI> relays, Duration connectTimeout, Duration timeout, Clock clock) {
		super(chain, clock);
		if (relays.isEmpty()) {
			throw new IllegalArgumentException("a drand beacon needs at least one relay URL");
		}
		this.relays = List.copyOf(relays);
		this.timeout = timeout;
		this.http = HttpClient.newBuilder()
			.connectTimeout(connectTimeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	@Override
	protected String name() {
		return "drand chain " + this.chain.hash();
	}

	@Override
	public String scheme() {
		return DrandChain.SCHEME;
	}

	@Override
	public BeaconRound fetch(long round) {
		published(round);
		BeaconUnavailable unavailable = null;
		for (URI relay : this.relays) {
			try {
				return fetch(relay, round);
			}
			catch (BeaconUnavailable ex) {
				if (unavailable != null) {
					ex.addSuppressed(unavailable);
				}
				unavailable = ex;
			}
		}
		throw unavailable;
	}

	private BeaconRound fetch(URI relay, long round) {
		URI source = URI.create(withoutTrailingSlash(relay.toString()) + "/" + this.chain.hash() + "/public/" + round);
		HttpRequest request = HttpRequest.newBuilder(source)
			.timeout(this.timeout)
			.header("Accept", "application/json")
			.GET()
			.build();
		// The request's own timeout ends at the response headers; a relay that stalls in
		// the body would hang the draw, so the whole answer is bounded here.
		CompletableFuture<HttpResponse<String>> answer = this.http.sendAsync(request,
				HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> response;
		try {
			response = answer.get(this.timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			answer.cancel(true);
			throw new BeaconUnavailable(round, source + " did not answer within " + this.timeout, ex);
		}
		catch (ExecutionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			if (cause instanceof HttpTimeoutException) {
				throw new BeaconUnavailable(round, source + " did not answer within " + this.timeout, cause);
			}
			throw new BeaconUnavailable(round, source + " could not be read: " + cause, cause);
		}
		catch (InterruptedException ex) {
			answer.cancel(true);
			Thread.currentThread().interrupt();
			throw new BeaconUnavailable(round, "interrupted while reading " + source, ex);
		}
		if (response.statusCode() != 200) {
			// drand relays answer 404 (or 425, "too early") for a round not yet published
			throw new BeaconUnavailable(round, source + " answered HTTP " + response.statusCode());
		}
		Served served;
		byte[] signature;
		byte[] randomness;
		try {
			served = json.readValue(response.body(), Served.class);
			signature = HexFormat.of().parseHex(served.signature());
			randomness = (served.randomness() != null) ? HexFormat.of().parseHex(served.randomness()) : null;
		}
		catch (JacksonException | IllegalArgumentException | NullPointerException ex) {
			throw new BeaconInvalid(round, source + " answered something that is not a drand round: " + ex, ex);
		}
		if (served.round() != round) {
			throw new BeaconInvalid(round, source + " answered round " + served.round() + " for round " + round);
		}
		byte[] value = this.chain.verify(round, signature, randomness);
		return new BeaconRound(this.chain.hash(), DrandChain.SCHEME, this.chain.publicKeyHex(), round,
				this.chain.publishedAt(round), HexFormat.of().formatHex(signature), HexFormat.of().formatHex(value),
				source, false);
	}

	private static String withoutTrailingSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	/** A round as a relay serves it; unchained rounds have no previous signature. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Served(long round, String randomness, String signature) {
	}

}
