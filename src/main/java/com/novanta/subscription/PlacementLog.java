package com.novanta.subscription;

/**
 * Where the placement step records what became of a subscription in a lottery
 * ({@link Subscriptions}); an interface so that a test can make the step crash between
 * placing a slip and recording it.
 */
interface PlacementLog {

	/**
	 * Records the placement unless one is recorded for its lottery already.
	 * @return whether it was recorded now
	 */
	boolean record(String subscriptionId, Placement placement);

}
