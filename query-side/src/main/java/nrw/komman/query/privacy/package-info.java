/**
 * The access export of one volunteer (DSGVO Art. 15) and the dry run of the retention rules.
 */
package nrw.komman.query.privacy;
