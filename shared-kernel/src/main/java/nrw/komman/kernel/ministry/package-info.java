/**
 * State-wide figures for the ministry: per centre, per Regierungsbezirk, for the state; counts and hours, no names.
 */
package nrw.komman.kernel.ministry;
