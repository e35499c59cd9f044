package nrw.komman.web.account;

import java.time.Instant;

/**
 * Published (as a Spring application event) after an account's password was reset on the server
 * ({@link AdministratorResetCommand}), so that whatever holds signed-in sessions ends the account's sessions.
 *
 * @param username the account
 * @param at       when the new password was set
 */
public record AccountCredentialsReset(String username, Instant at) {
}
