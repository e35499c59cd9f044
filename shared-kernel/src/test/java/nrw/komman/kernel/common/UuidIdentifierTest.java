package nrw.komman.kernel.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import nrw.komman.kernel.activity.ActivityId;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.volunteer.VolunteerId;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UuidIdentifierTest {

    private static final String UUID_TEXT = "6b1f0c52-3d2e-4f0a-9c77-5f3e2a1b0c01";
    private static final UUID ID = UUID.fromString(UUID_TEXT);
    private final ObjectMapper json = new ObjectMapper();

    record Holder(VolunteerId volunteerId, ActivityId activityId, GrantId grantId) {
    }

    @Test
    void every_id_is_written_and_read_as_the_bare_uuid_as_stored_events_hold_it() throws Exception {
        Holder holder = new Holder(new VolunteerId(ID), new ActivityId(ID), new GrantId(ID));
        String written = json.writeValueAsString(holder);

        assertThat(written).isEqualTo("{\"volunteerId\":\"" + UUID_TEXT + "\",\"activityId\":\"" + UUID_TEXT
                + "\",\"grantId\":\"" + UUID_TEXT + "\"}");
        assertThat(json.readValue(written, Holder.class)).isEqualTo(holder);
        assertThat(json.writeValueAsString(new GrantId(ID))).isEqualTo("\"" + UUID_TEXT + "\"");
    }

    @Test
    void the_string_form_is_the_uuid() {
        assertThat(new GrantId(ID)).hasToString(UUID_TEXT);
        assertThat(new VolunteerId(ID)).hasToString(UUID_TEXT);
        assertThat(new ActivityId(ID)).hasToString(UUID_TEXT);
        assertThat(GrantId.parse(UUID_TEXT)).isEqualTo(new GrantId(ID));
    }

    @Test
    void a_missing_or_malformed_id_is_refused_in_german_with_a_code_per_kind() {
        assertThatThrownBy(() -> new GrantId(null)).isInstanceOf(InvalidInputException.class)
                .hasMessage("Die Kennung der Zuwendung fehlt.")
                .satisfies(e -> assertThat(((DomainException) e).code()).isEqualTo("grant.id.missing"));
        assertThatThrownBy(() -> new VolunteerId(null)).hasMessage("Die Kennung der/des Ehrenamtlichen fehlt.");
        assertThatThrownBy(() -> new ActivityId(null)).hasMessage("Die Kennung des Einsatzes fehlt.");
        assertThatThrownBy(() -> VolunteerId.parse("abc")).isInstanceOf(InvalidInputException.class)
                .hasMessage("„abc“ ist keine gültige Kennung.")
                .satisfies(e -> assertThat(((DomainException) e).code()).isEqualTo("volunteer.id.malformed"));
        assertThatThrownBy(() -> ActivityId.parse(null))
                .satisfies(e -> assertThat(((DomainException) e).code()).isEqualTo("activity.id.malformed"));
    }
}
