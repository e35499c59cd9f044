/**
 * Tamper evidence for grant histories (ADR 8): a SHA-256 hash chain per grant over the canonical
 * serialisation of its stored events. {@link nrw.komman.command.grant.audit.GrantChainWriter} adds a
 * link in the transaction of every grant event, {@link nrw.komman.command.grant.audit.GrantChainQueries}
 * answers {@code VerifyGrantChainQuery}, {@link nrw.komman.command.grant.audit.GrantChainSealing} chains
 * the grants written before the chain existed, once, at the upgrade. Table {@code grant_audit_chain}
 * (migration V11).
 */
package nrw.komman.command.grant.audit;
