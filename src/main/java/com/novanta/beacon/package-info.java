/**
 * A public randomness beacon behind one interface, {@link RandomnessBeacon}: rounds
 * published on a schedule, each fetched and verified before anyone may use it.
 *
 * <p>
 * <b>Which beacon.</b> drand's quicknet chain of the League of Entropy (chain hash
 * {@code 52db9ba7…e971}, a round every 3 seconds since 2023-08-23T15:09:27Z), scheme
 * {@code bls-unchained-g1-rfc9380}. Chosen over NIST Beacon 2.0 because its value comes
 * from a threshold of independent organisations rather than one, anyone can check a round
 * with a public key alone (no certificate chain to fetch and trust), and real rounds with
 * their signatures could be found to test against, which NIST pulses with their
 * certificate could not.
 *
 * <p>
 * <b>What is verified</b>, for every round, against the chain's public key pinned in
 * configuration ({@code lottery.fairness.beacon.*}, never read from the network): the
 * round served is the round asked for; the signature is a valid compressed point of G1's
 * prime-order subgroup; it is the BLS signature of SHA-256(round as 8 bytes, big-endian),
 * hashed to G1 by RFC 9380 ({@code BLS12381G1_XMD:SHA-256_SSWU_RO_} with drand's tag
 * {@code BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_NUL_}), i.e. e(signature, g2) =
 * e(H(message), public key); the value is SHA-256(signature), and the randomness the
 * relay sent, if any, equals it. Milagro (Maven Central) does the pairing; hash-to-curve
 * and the point encoding are here ({@code HashToG1}, {@code Bls12381}), checked against
 * the RFC's test vectors and real quicknet rounds.
 *
 * <p>
 * In dev mode only, {@code DevBeacon} signs rounds with a key made at start-up, so that a
 * laptop without network still draws; its rounds and the log say DEV.
 */
package com.novanta.beacon;
