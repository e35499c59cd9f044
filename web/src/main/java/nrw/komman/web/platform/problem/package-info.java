/**
 * Failures as RFC 9457 problems for the API: the mapping of every exception to a German title, detail and code,
 * and the handler that answers with them.
 */
package nrw.komman.web.platform.problem;
