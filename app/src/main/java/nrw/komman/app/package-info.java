/**
 * The runnable application: wiring only. It joins the role modules and adds what they share (docs/architecture.md).
 */
package nrw.komman.app;
