/**
 * The administrator's view of the read models: their status and the rebuild, as page and as API.
 */
package nrw.komman.web.admin;
