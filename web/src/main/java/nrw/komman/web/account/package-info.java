/**
 * Accounts and signing in: the account store, the administrator's account pages and API, the signed-in account
 * ({@link nrw.komman.web.account.AccountPrincipal}), the first administrator, and the sign-in log and throttle.
 */
package nrw.komman.web.account;
