package nrw.komman.kernel.common;

import nrw.komman.kernel.centre.CentreId;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Who sends a command or query: account, role and, for coordinators, their centre.
 * Travels in the message metadata (keys below); Axon's correlation data copies it onto every event.
 */
public record Actor(String account, AccountRole role, CentreId centre) {

    public static final String ACCOUNT = "actorAccount";
    public static final String ROLE = "actorRole";
    public static final String CENTRE = "actorCentre";

    public static final Actor SYSTEM = new Actor("system", AccountRole.SYSTEM, null);

    /** The account name of a volunteer acting through their link is this prefix and their id. */
    public static final String VOLUNTEER_PREFIX = "volunteer:";

    /**
     * Nobody signed in, holding a secret from a URL: resolves a personal link's token to its volunteer, or checks a
     * certificate's number. May do nothing else.
     */
    public static final Actor PERSONAL_LINK = new Actor("personal-link", AccountRole.VOLUNTEER, null);

    public Actor {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(role, "role");
        if (role == AccountRole.COORDINATOR && centre == null) {
            throw new IllegalArgumentException("a coordinator is bound to a centre");
        }
    }

    public static Actor coordinator(String account, CentreId centre) {
        return new Actor(account, AccountRole.COORDINATOR, centre);
    }

    /** A volunteer acting through their own, resolved personal link. */
    public static Actor volunteer(java.util.UUID volunteer, CentreId centre) {
        Objects.requireNonNull(centre, "centre");
        return new Actor(VOLUNTEER_PREFIX + volunteer, AccountRole.VOLUNTEER, centre);
    }

    /** Whether this actor is the given volunteer acting through their own link. */
    public boolean actsAsVolunteer(java.util.UUID volunteer) {
        return role == AccountRole.VOLUNTEER && account.equals(VOLUNTEER_PREFIX + volunteer);
    }

    public static Actor of(String account, AccountRole role) {
        return new Actor(account, role, null);
    }

    public boolean is(AccountRole r) {
        return role == r;
    }

    public Map<String, String> toMetaData() {
        Map<String, String> m = new HashMap<>();
        m.put(ACCOUNT, account);
        m.put(ROLE, role.name());
        if (centre != null) {
            m.put(CENTRE, centre.value());
        }
        return m;
    }

    /** Reads the actor from message metadata; a message without one is refused. */
    public static Actor fromMetaData(Map<String, ?> metaData) {
        Object account = metaData.get(ACCOUNT);
        Object role = metaData.get(ROLE);
        if (account == null || role == null) {
            throw new ForbiddenException("actor.missing", "Die Aktion ist keinem angemeldeten Konto zugeordnet.");
        }
        Object centre = metaData.get(CENTRE);
        return new Actor(account.toString(), AccountRole.valueOf(role.toString()),
                centre == null ? null : new CentreId(centre.toString()));
    }
}
