package nrw.komman.command.testing;

import nrw.komman.command.volunteer.EmailRegistry;
import nrw.komman.kernel.volunteer.VolunteerId;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The e-mail registry's rules in memory (the JDBC one is tested against H2 on its own). */
public final class InMemoryEmailRegistry implements EmailRegistry {

    private final Map<VolunteerId, String> addresses = new HashMap<>();
    private final Map<String, VolunteerId> claims = new HashMap<>();

    /** Another volunteer already holds this address (as after their registration). */
    public InMemoryEmailRegistry activeHolder(VolunteerId holder, String email) {
        register(holder, email);
        return this;
    }

    /** A volunteer's remembered address, as left by their registration or last profile update. */
    public InMemoryEmailRegistry remembered(VolunteerId volunteer, String email, boolean claimed) {
        addresses.put(volunteer, normal(email));
        if (claimed) {
            claims.put(normal(email), volunteer);
        }
        return this;
    }

    public Optional<VolunteerId> holderOf(String email) {
        return Optional.ofNullable(claims.get(normal(email)));
    }

    public Optional<String> addressOf(VolunteerId volunteer) {
        return Optional.ofNullable(addresses.get(volunteer));
    }

    @Override
    public void changeAddress(VolunteerId volunteerId, String email, boolean active) {
        String address = email == null ? null : normal(email);
        if (active) {
            if (address != null) {
                claim(volunteerId, address);
            } else {
                claims.values().removeIf(volunteerId::equals);
            }
        }
        if (address == null) {
            addresses.remove(volunteerId);
        } else {
            addresses.put(volunteerId, address);
        }
    }

    @Override
    public void release(VolunteerId volunteerId) {
        claims.values().removeIf(volunteerId::equals);
    }

    @Override
    public void reclaim(VolunteerId volunteerId) {
        String address = addresses.get(volunteerId);
        if (address != null) {
            claim(volunteerId, address);
        }
    }

    @Override
    public void forget(VolunteerId volunteerId) {
        claims.values().removeIf(volunteerId::equals);
        addresses.remove(volunteerId);
    }

    private void claim(VolunteerId volunteerId, String address) {
        VolunteerId holder = claims.get(address);
        if (holder != null && !Objects.equals(holder, volunteerId)) {
            throw EmailRegistry.alreadyTaken();
        }
        claims.values().removeIf(volunteerId::equals);
        claims.put(address, volunteerId);
    }

    private static String normal(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
