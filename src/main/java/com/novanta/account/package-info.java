/**
 * Accounts: who a participant is, and who is signed in. Other modules see a
 * {@link com.novanta.account.Participant} (never the password hash or session epoch), the
 * signed-in {@link com.novanta.account.CurrentAccount}, and admins'
 * {@link com.novanta.account.AccountAdministration}. {@code internal} holds what the
 * nested modules share: the account's storage, its one-time tokens, its emails, the
 * sign-in throttle ({@code SignInThrottle}: how many attempts per email, client and
 * device, from {@code lottery.accounts.sign-in.*}) and the admin list. The parts of the
 * product are modules nested in this one: {@code signup}, {@code signin}, {@code social},
 * {@code password} and {@code profile}.
 */
package com.novanta.account;
