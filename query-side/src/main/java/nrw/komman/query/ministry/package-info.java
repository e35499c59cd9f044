/**
 * The ministry's state-wide figures per centre and Regierungsbezirk: counts, hours and money, no names.
 */
package nrw.komman.query.ministry;
