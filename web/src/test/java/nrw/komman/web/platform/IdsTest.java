package nrw.komman.web.platform;

import nrw.komman.web.platform.problem.InvalidFieldException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Ids from paths, parameters and fields: only the canonical form of a UUID; anything else is a refusal at the field. */
class IdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "1-2-3-4-5", "0000000-00000-0000-0000-000000000000", "{00000000-0000-0000-0000-000000000000}",
            "00000000-0000-0000-0000-00000000000g", "00000000000000000000000000000000"})
    void a_malformed_grant_id_is_refused_at_its_field_and_never_read_as_another_id(String bad) {
        assertThatThrownBy(() -> Ids.optionalGrant("grantId", bad))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                    assertThat(e.field()).isEqualTo("grantId");
                    assertThat(e.code()).isEqualTo("grant.id.malformed");
                    assertThat(e.getMessage()).endsWith("ist keine gültige Kennung.");
                });
        assertThatThrownBy(() -> Ids.volunteer("volunteerId", bad)).isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> Ids.activity("activityId", bad)).isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> Ids.optionalVolunteer("volunteerId", bad)).isInstanceOf(InvalidFieldException.class);
    }

    @Test
    void a_canonical_id_in_either_case_is_read_and_blank_is_none() {
        UUID id = UUID.randomUUID();
        assertThat(Ids.optionalGrant("grantId", " " + id.toString().toUpperCase() + " ").toString()).isEqualTo(id.toString());
        assertThat(Ids.volunteer("volunteerId", id.toString()).toString()).isEqualTo(id.toString());
        assertThat(Ids.optionalGrant("grantId", "  ")).isNull();
        assertThat(Ids.optionalGrant("grantId", null)).isNull();
    }

    @Test
    void a_huge_value_is_not_echoed_whole() {
        assertThatThrownBy(() -> Ids.grant("grantId", "x".repeat(5000)))
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(80));
    }
}
