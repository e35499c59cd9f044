/**
 * The volunteer aggregate with its activities, the e-mail claims that keep an address to one volunteer, and erasure.
 */
package nrw.komman.command.volunteer;
