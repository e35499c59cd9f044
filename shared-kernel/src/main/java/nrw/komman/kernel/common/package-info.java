/**
 * What every feature speaks: the actor and its account role, money in cents, identifiers, refusals and their codes.
 */
package nrw.komman.kernel.common;
