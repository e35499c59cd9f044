/**
 * The activity log and the centre's dashboard (hours by month and category).
 */
package nrw.komman.query.activity;
