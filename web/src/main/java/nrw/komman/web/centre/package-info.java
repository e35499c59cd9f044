/**
 * The Integrationszentren: establishing and closing a centre (API) and the coordinator's dashboard of their centre.
 */
package nrw.komman.web.centre;
