package nrw.komman.command.testing;

import nrw.komman.command.volunteer.EmailRegistry;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.volunteer.VolunteerId;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The e-mail registry's rules in memory (the JDBC one is tested against H2 and PostgreSQL on its own): one active
 * volunteer per address within a centre, one claim per address platform-wide, an address claimed in another
 * centre held until the claim is freed (ADR 27).
 */
public final class InMemoryEmailRegistry implements EmailRegistry {

    private static final class Entry {
        String address;
        CentreId centre;
        boolean active;
        long heldSince; // 0: not held
    }

    private final Map<VolunteerId, Entry> entries = new HashMap<>();
    private final Map<String, VolunteerId> claims = new HashMap<>();
    private long clock;

    /** Another active volunteer of that centre already has this address (as after their registration). */
    public InMemoryEmailRegistry activeHolder(VolunteerId holder, CentreId centre, String email) {
        register(holder, centre, email);
        return this;
    }

    /** A volunteer's remembered address, as left by their registration or last profile update. */
    public InMemoryEmailRegistry remembered(VolunteerId volunteer, CentreId centre, String email, boolean claimed) {
        Entry entry = new Entry();
        entry.address = normal(email);
        entry.centre = centre;
        entry.active = claimed;
        entries.put(volunteer, entry);
        if (claimed) {
            claims.put(normal(email), volunteer);
        }
        return this;
    }

    public Optional<VolunteerId> holderOf(String email) {
        return Optional.ofNullable(claims.get(normal(email)));
    }

    public Optional<String> addressOf(VolunteerId volunteer) {
        return Optional.ofNullable(entries.get(volunteer)).map(e -> e.address);
    }

    /** Whether the volunteer is active with an address that another centre's volunteer has claimed. */
    public boolean holds(VolunteerId volunteer) {
        Entry entry = entries.get(volunteer);
        return entry != null && entry.heldSince > 0;
    }

    @Override
    public void changeAddress(VolunteerId volunteerId, CentreId centreId, String email, boolean active) {
        if (email == null) {
            forget(volunteerId);
            return;
        }
        String address = normal(email);
        if (active) {
            requireFreeInCentre(volunteerId, centreId, address);
        }
        Entry entry = entries.computeIfAbsent(volunteerId, id -> new Entry());
        String old = entry.address;
        entry.address = address;
        entry.centre = centreId;
        entry.active = active;
        if (!address.equals(old) && claims.remove(old, volunteerId)) {
            handOn(old);
        }
        if (active) {
            claimOrHold(volunteerId, entry);
        }
    }

    @Override
    public void release(VolunteerId volunteerId) {
        Entry entry = entries.get(volunteerId);
        if (entry == null) {
            return;
        }
        entry.active = false;
        entry.heldSince = 0;
        if (claims.remove(entry.address, volunteerId)) {
            handOn(entry.address);
        }
    }

    @Override
    public void reclaim(VolunteerId volunteerId, CentreId centreId) {
        Entry entry = entries.get(volunteerId);
        if (entry == null) {
            return;
        }
        requireFreeInCentre(volunteerId, centreId, entry.address);
        entry.centre = centreId;
        entry.active = true;
        claimOrHold(volunteerId, entry);
    }

    @Override
    public void forget(VolunteerId volunteerId) {
        Entry entry = entries.remove(volunteerId);
        if (entry != null && claims.remove(entry.address, volunteerId)) {
            handOn(entry.address);
        }
    }

    private void requireFreeInCentre(VolunteerId volunteerId, CentreId centreId, String address) {
        boolean taken = entries.entrySet().stream().anyMatch(e -> !e.getKey().equals(volunteerId) && e.getValue().active
                && centreId.equals(e.getValue().centre) && address.equals(e.getValue().address));
        if (taken) {
            throw EmailRegistry.alreadyTaken();
        }
    }

    private void claimOrHold(VolunteerId volunteerId, Entry entry) {
        VolunteerId holder = claims.putIfAbsent(entry.address, volunteerId);
        if (holder == null || Objects.equals(holder, volunteerId)) {
            entry.heldSince = 0;
        } else if (entry.heldSince == 0) {
            entry.heldSince = ++clock;
        }
    }

    private void handOn(String address) {
        entries.entrySet().stream()
                .filter(e -> e.getValue().active && e.getValue().heldSince > 0 && address.equals(e.getValue().address))
                .min(Comparator.comparingLong(e -> e.getValue().heldSince))
                .ifPresent(e -> {
                    claims.put(address, e.getKey());
                    e.getValue().heldSince = 0;
                });
    }

    private static String normal(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
