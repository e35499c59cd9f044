package nrw.komman.web.account;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.AccountRole;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The signed-in account. {@link #actor()} is what travels in every command's and query's metadata;
 * the Spring authority is {@code ROLE_<role>}.
 *
 * <p>Stored (Java-serialized) in the browser session's row in the database (ADR 23), with the password hash erased:
 * hence only serializable fields, the centre as its key.
 */
public final class AccountPrincipal implements UserDetails, CredentialsContainer {

    @java.io.Serial
    private static final long serialVersionUID = 1L;

    private final String username;
    private final AccountRole role;
    private final String centreId; // CentreId is a record of the kernel and not Serializable
    private final boolean enabled;
    private String passwordHash;

    public AccountPrincipal(String username, String passwordHash, AccountRole role, CentreId centreId, boolean enabled) {
        this.username = Objects.requireNonNull(username, "username");
        this.passwordHash = passwordHash;
        this.role = Objects.requireNonNull(role, "role");
        this.centreId = centreId == null ? null : centreId.value();
        this.enabled = enabled;
    }

    public Actor actor() {
        return new Actor(username, role, centreId());
    }

    public AccountRole role() {
        return role;
    }

    /** The coordinator's centre; null for every other role. */
    public CentreId centreId() {
        return centreId == null ? null : new CentreId(centreId);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccountPrincipal other && username.equals(other.username);
    }

    @Override
    public int hashCode() {
        return username.hashCode();
    }

    @Override
    public String toString() {
        return "AccountPrincipal[" + username + ", " + role + (centreId == null ? "" : ", " + centreId) + "]";
    }
}
