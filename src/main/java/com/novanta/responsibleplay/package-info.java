/**
 * Responsible play: the limits of ballots participants set themselves (per day and per
 * month, lowered at once, raised after a day) and their self-exclusion (six months or
 * more, extended but never shortened), the counters of their ballots that enforce the
 * limits, and what is kept of a deleted account's choices so that signing up again does
 * not lift them. The rules live here
 * ({@link com.novanta.responsibleplay.ResponsiblePlay},
 * {@link com.novanta.responsibleplay.PlayLimit}); the choices are stored with each
 * account ({@link com.novanta.responsibleplay.PlayChoices}, which the account module
 * implements), whose page shows and changes them; the ballot module enforces them
 * ({@link com.novanta.responsibleplay.PlayRestrictions#status},
 * {@link com.novanta.responsibleplay.PlayCounts}).
 */
package com.novanta.responsibleplay;
