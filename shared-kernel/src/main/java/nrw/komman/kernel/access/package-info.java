/**
 * The permission map: which role may do which action, on whose data (ADR 18). The web's address rules and pages,
 * the aggregates' actor checks and the query handlers' read access all ask {@link nrw.komman.kernel.access.Permissions};
 * rules that depend on a fact's state (four eyes, a grant's status) stay with the aggregate that knows the state.
 */
package nrw.komman.kernel.access;
