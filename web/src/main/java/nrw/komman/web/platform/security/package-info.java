/**
 * Who may do what: Spring Security's setup, the signed-in actor in every message's metadata, a coordinator's
 * own centre, and the 401 and 403 answers.
 */
package nrw.komman.web.platform.security;
