package nrw.komman.kernel.access;

/** How far a role's permission for an action reaches. */
public enum Scope {
    /** Only the actor's own centre: the coordinators of an integration centre. */
    OWN_CENTRE,
    /** Any centre, and the whole state: roles that are not bound to one centre. */
    ANY_CENTRE
}
