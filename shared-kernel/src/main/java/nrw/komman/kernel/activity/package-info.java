/**
 * Activities (Einsätze): logged, corrected and withdrawn facts of what a volunteer did, and their rules.
 */
package nrw.komman.kernel.activity;
