/**
 * The volunteers' rights (DSGVO): erasure, withdrawal of consent, the access export, retention runs.
 */
package nrw.komman.kernel.privacy;
