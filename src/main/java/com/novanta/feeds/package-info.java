/**
 * Open results: the public results as a read-only JSON API (described by an OpenAPI
 * document), an Atom feed, a CSV of the history and an iCalendar of the upcoming draws of
 * each game. Public, GET only, cacheable with ETags, rate-limited per client address;
 * made only of what the public pages already show, never anything personal.
 */
package com.novanta.feeds;
