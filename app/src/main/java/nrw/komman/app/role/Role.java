package nrw.komman.app.role;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The three roles one jar can play (architecture.md, "Run modes"). The embedded default and a
 * clustered node play all three; in the split topology each process plays one, and Axon Server
 * routes commands, queries and events between them.
 */
public enum Role {

    /** Decides: aggregates, command handlers, the set-based checks (e-mail claims, budget ledger). */
    COMMAND("nrw.komman.command.", "nrw.komman.app.centre."),
    /** Remembers: projections, query handlers, reports, read-model administration and rebuilds. */
    QUERY("nrw.komman.query.", "nrw.komman.app.readmodel."),
    /** Talks to people and programs: forms, REST API, accounts, security (and the demonstration data). */
    WEB("nrw.komman.web.", "nrw.komman.app.demo.");

    /** The property that chooses the roles: {@code all} (default) or a comma-separated list. */
    public static final String PROPERTY = "komman.role";

    private final List<String> packages;

    Role(String... packages) {
        this.packages = List.of(packages);
    }

    /** The role whose code lives in the class's package, if the class belongs to one role only. */
    static Role owning(String className) {
        for (Role role : values()) {
            if (role.packages.stream().anyMatch(className::startsWith)) {
                return role;
            }
        }
        return null;
    }

    /** Parses {@code all}, {@code command}, {@code query,web} and so on; an unknown word is a configuration error. */
    public static Set<Role> parse(String setting) {
        if (setting == null || setting.isBlank() || setting.trim().equalsIgnoreCase("all")) {
            return EnumSet.allOf(Role.class);
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String word : setting.split(",")) {
            String name = word.trim().toUpperCase(Locale.ROOT);
            try {
                roles.add(Role.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(PROPERTY + " must be 'all' or a list of command, query, web; found '" + setting + "'");
            }
        }
        return roles;
    }
}
