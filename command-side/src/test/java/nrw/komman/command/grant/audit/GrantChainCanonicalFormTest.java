package nrw.komman.command.grant.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Base64;

import static nrw.komman.command.grant.audit.ChainFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The canonical serialisation: what does not change the content hashes alike, every change of content differs. */
class GrantChainCanonicalFormTest {

    @Test
    void key_order_and_whitespace_do_not_matter() {
        String compact = CanonicalJson.canonical("{\"b\":1,\"a\":{\"d\":[1,2,{\"y\":null,\"x\":true}],\"c\":\"x\"}}");
        String spread = CanonicalJson.canonical(" {\r\n \"a\" : { \"c\" : \"x\" ,\t\"d\" : [ 1 , 2 , {\"x\":true, \"y\" : null} ] } ,\n\"b\": 1 } \n");

        assertThat(compact).isEqualTo(spread).isEqualTo("{\"a\":{\"c\":\"x\",\"d\":[1,2,{\"x\":true,\"y\":null}]},\"b\":1}");
    }

    @Test
    void escapes_are_written_one_way() {
        assertThat(CanonicalJson.canonical("{\"r\":\"Ma\\u00dfnahme \\/ \\u00e4\"}"))
                .isEqualTo(CanonicalJson.canonical("{\"r\":\"Maßnahme / ä\"}"))
                .isEqualTo("{\"r\":\"Maßnahme / ä\"}");
        assertThat(CanonicalJson.canonical("[\"\\\"\\\\\\b\\f\\n\\r\\t\\u001F\\u007f\"]"))
                .isEqualTo("[\"\\\"\\\\\\b\\f\\n\\r\\t\\u001f\u007f\"]");
        assertThat(CanonicalJson.canonical("[\"\\ud83d\\ude00\", \"\\ud83d\"]")).isEqualTo("[\"\uD83D\uDE00\",\"\\ud83d\"]");
    }

    @Test
    void keys_sort_by_utf16_code_units() {
        assertThat(CanonicalJson.canonical("{\"é\":1,\"z\":2,\"Z\":3,\"a\":4}")).isEqualTo("{\"Z\":3,\"a\":4,\"z\":2,\"é\":1}");
    }

    @Test
    void numbers_stay_as_written() {
        assertThat(CanonicalJson.canonical("[1.0, 1.00, -0, 2E+3, 2e3, 25000.00]")).isEqualTo("[1.0,1.00,-0,2E+3,2e3,25000.00]");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"a\":\"x\",\"b\":[1,2]}",   // reference
            "{\"a\":\"y\",\"b\":[1,2]}",   // a value
            "{\"A\":\"x\",\"b\":[1,2]}",   // a name
            "{\"a\":\"x\",\"b\":[2,1]}",   // array order
            "{\"a\":\"x\",\"b\":[1,2],\"c\":null}", // a member added
            "{\"a\":\"x\"}",               // a member removed
            "{\"a\":\"x\",\"b\":[1,\"2\"]}", // a number became a string
            "{\"a\":\"x \",\"b\":[1,2]}",  // whitespace inside a string is content
            "{\"a\":\"x\",\"b\":[1,2.0]}"  // the number's literal
    })
    void every_change_of_content_changes_the_canonical_form(String variant) {
        String reference = CanonicalJson.canonical("{\"a\":\"x\",\"b\":[1,2]}");
        if (variant.equals("{\"a\":\"x\",\"b\":[1,2]}")) {
            assertThat(CanonicalJson.canonical(variant)).isEqualTo(reference);
        } else {
            assertThat(CanonicalJson.canonical(variant)).isNotEqualTo(reference);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "{", "{\"a\":1,}", "[1,]", "{\"a\":1,\"a\":2}", "01", "-", "1.", "1e", ".5", "+1",
            "\"unterminated", "\"tab\tinside\"", "\"\\x\"", "\"\\u12\"", "tru", "nul", "{} {}", "{a:1}", "[1 2]", "NaN"})
    void malformed_json_is_refused(String text) {
        assertThatThrownBy(() -> CanonicalJson.canonical(text)).isInstanceOf(CanonicalJson.Malformed.class);
    }

    @Test
    void bytes_that_are_not_utf8_are_not_json() {
        assertThatThrownBy(() -> CanonicalJson.canonical(new byte[]{'"', (byte) 0xC3, '"'})).isInstanceOf(CanonicalJson.Malformed.class);
    }

    @Test
    void deep_nesting_is_refused_not_a_stack_overflow() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertThatThrownBy(() -> CanonicalJson.canonical(deep)).isInstanceOf(CanonicalJson.Malformed.class);
        String fine = "[".repeat(CanonicalJson.MAX_DEPTH) + "]".repeat(CanonicalJson.MAX_DEPTH);
        assertThat(CanonicalJson.canonical(fine)).isEqualTo(fine);
    }

    @Test
    void a_stored_row_serialises_as_a_sorted_compact_object_with_the_stored_strings() {
        StoredEvent event = new StoredEvent("g", 0, "e", "2026-01-01T00:00:00Z", "Grant", "P", null,
                utf8("{ \"b\" : 1, \"a\" : \"\\u00e4\" }"), null);

        assertThat(event.canonical()).isEqualTo("{\"aggregateIdentifier\":\"g\",\"eventIdentifier\":\"e\",\"metaData\":null,"
                + "\"payload\":{\"a\":\"ä\",\"b\":1},\"payloadRevision\":null,\"payloadType\":\"P\",\"sequenceNumber\":0,"
                + "\"timestamp\":\"2026-01-01T00:00:00Z\",\"type\":\"Grant\"}");
    }

    @Test
    void bytes_that_are_not_json_enter_as_base64_under_another_name() {
        byte[] notJson = {1, 2, 3, (byte) 0xFF};
        StoredEvent event = new StoredEvent("g", 0, "e", "t", "Grant", "P", "1", notJson, utf8("{}"));

        assertThat(event.canonical()).contains("\"payloadBase64\":\"" + Base64.getEncoder().encodeToString(notJson) + "\"")
                .doesNotContain("\"payload\":").contains("\"metaData\":{}").contains("\"payloadRevision\":\"1\"");
    }

    @Test
    void every_column_of_the_row_is_in_the_canonical_form() {
        StoredEvent e = ChainFixtures.applied();
        String reference = e.canonical();

        assertThat(new StoredEvent("other", 0, e.eventIdentifier(), e.timestamp(), e.type(), e.payloadType(), e.payloadRevision(), e.payload(), e.metaData()).canonical()).isNotEqualTo(reference);
        assertThat(ChainFixtures.withSequence(e, 1).canonical()).isNotEqualTo(reference);
        assertThat(new StoredEvent(e.aggregateIdentifier(), 0, "other", e.timestamp(), e.type(), e.payloadType(), e.payloadRevision(), e.payload(), e.metaData()).canonical()).isNotEqualTo(reference);
        assertThat(ChainFixtures.withTimestamp(e, "2026-03-02T10:15:00.124Z").canonical()).isNotEqualTo(reference);
        assertThat(new StoredEvent(e.aggregateIdentifier(), 0, e.eventIdentifier(), e.timestamp(), "Volunteer", e.payloadType(), e.payloadRevision(), e.payload(), e.metaData()).canonical()).isNotEqualTo(reference);
        assertThat(new StoredEvent(e.aggregateIdentifier(), 0, e.eventIdentifier(), e.timestamp(), e.type(), "x.Other", e.payloadRevision(), e.payload(), e.metaData()).canonical()).isNotEqualTo(reference);
        assertThat(new StoredEvent(e.aggregateIdentifier(), 0, e.eventIdentifier(), e.timestamp(), e.type(), e.payloadType(), "2", e.payload(), e.metaData()).canonical()).isNotEqualTo(reference);
        assertThat(ChainFixtures.withPayload(e, p -> p.replace("25000.00", "25000.01")).canonical()).isNotEqualTo(reference);
        assertThat(ChainFixtures.withMetaData(e, m -> m.replace("koeln.koordination", "koeln.koordinatiom")).canonical()).isNotEqualTo(reference);
        assertThat(new StoredEvent(e.aggregateIdentifier(), 0, e.eventIdentifier(), e.timestamp(), e.type(), e.payloadType(), e.payloadRevision(), e.payload(), null).canonical()).isNotEqualTo(reference);
    }
}
