/**
 * The key ring of the personal-data vault in the database, and the secrets generated for the embedded default.
 */
package nrw.komman.app.personaldata;
