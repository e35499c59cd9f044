package nrw.komman.web.notification;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A digest's Message-ID names what it carries: sent again it is recognised, with one more notice it is new. */
class NoticeDigestMessageIdTest {

    @Test
    void the_same_notices_keep_their_id_and_another_set_or_recipient_gets_another() {
        String id = NoticeDigest.messageId("bezreg.pruefung", List.of("b", "a"));
        assertThat(id).startsWith("<digest-").endsWith("@notices.komm-an.nrw>");
        assertThat(NoticeDigest.messageId("bezreg.pruefung", List.of("a", "b"))).as("order does not matter").isEqualTo(id);
        assertThat(NoticeDigest.messageId("bezreg.pruefung", List.of("a", "b", "c"))).isNotEqualTo(id);
        assertThat(NoticeDigest.messageId("ministerium", List.of("a", "b"))).isNotEqualTo(id);
    }
}
