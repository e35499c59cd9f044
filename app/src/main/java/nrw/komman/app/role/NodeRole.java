package nrw.komman.app.role;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The three roles one jar can play (docs/architecture.md, "Run modes"), one module each. The embedded
 * default and a clustered node play all three; in the split topology each process plays one, and Axon
 * Server routes commands, queries and events between them. Not to be confused with an account's role
 * ({@link nrw.komman.kernel.common.AccountRole}): this one is a process's.
 */
public enum NodeRole {

    /** Decides: aggregates, command handlers, the set-based checks (e-mail claims, budget ledger), the reference centres. */
    COMMAND("nrw.komman.command"),
    /** Remembers: projections, query handlers, reports, read-model processing, administration and rebuilds. */
    QUERY("nrw.komman.query"),
    /** Talks to people and programs: forms, REST API, accounts, security, the demonstration data. */
    WEB("nrw.komman.web");

    /** The property that chooses the roles: {@code all} (default) or a comma-separated list. */
    public static final String PROPERTY = "komman.role";

    private final String basePackage;

    NodeRole(String basePackage) {
        this.basePackage = basePackage;
    }

    /** The switch of the role's module: {@code komman.command.enabled} and so on (its configuration class is conditional on it). */
    public String switchProperty() {
        return "komman." + name().toLowerCase(Locale.ROOT) + ".enabled";
    }

    /** The role whose module holds the class: a module is a role, so its base package says it all. */
    public static NodeRole owning(String className) {
        for (NodeRole role : values()) {
            if (className.startsWith(role.basePackage + ".")) {
                return role;
            }
        }
        return null;
    }

    /** Parses {@code all}, {@code command}, {@code query,web} and so on; an unknown word is a configuration error. */
    public static Set<NodeRole> parse(String setting) {
        if (setting == null || setting.isBlank() || setting.trim().equalsIgnoreCase("all")) {
            return EnumSet.allOf(NodeRole.class);
        }
        Set<NodeRole> roles = EnumSet.noneOf(NodeRole.class);
        for (String word : setting.split(",")) {
            String name = word.trim().toUpperCase(Locale.ROOT);
            try {
                roles.add(NodeRole.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(PROPERTY + " must be 'all' or a list of command, query, web; found '" + setting + "'");
            }
        }
        return roles;
    }
}
