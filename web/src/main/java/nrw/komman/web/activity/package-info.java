/**
 * A volunteer's activities: logging, correcting and withdrawing them, as pages and as API; owns the activity forms
 * and which form field a refusal of an activity concerns.
 */
package nrw.komman.web.activity;
