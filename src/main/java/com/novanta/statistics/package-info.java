/**
 * Public statistics of past draws: how often each number was drawn, the hot and cold
 * numbers, and those not drawn for the longest time.
 */
package com.novanta.statistics;
