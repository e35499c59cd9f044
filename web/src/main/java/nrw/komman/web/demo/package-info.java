/**
 * The {@code demo} profile's data: one account per role and a little history made through the ordinary commands,
 * for evaluation on the embedded database only.
 */
package nrw.komman.web.demo;
