/**
 * Coordination (issue 18): requests for help (Einsatzanfragen), matching volunteers to them, assignments
 * (geplante Einsätze) the volunteer confirms or declines through their personal link, and what becomes of them
 * (a logged activity, a no-show, a cancellation with its reason). See docs/domain.md, "Requests for help and
 * assignments".
 */
package nrw.komman.kernel.coordination;
