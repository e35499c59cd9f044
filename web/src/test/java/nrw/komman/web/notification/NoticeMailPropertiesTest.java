package nrw.komman.web.notification;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pauses between the attempts of an e-mail grow and stop growing; the links are absolute. */
class NoticeMailPropertiesTest {

    private final NoticeMailProperties defaults = new NoticeMailProperties("noreply@komm-an.nrw.example",
            URI.create("https://komm-an.example.org/"), 8, Duration.ofMinutes(1), 5, Duration.ofHours(6), Duration.ofMinutes(2), 50);

    @Test
    void the_pause_after_each_failed_attempt_is_five_times_the_one_before_and_at_most_six_hours() {
        assertThat(defaults.pauseAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(defaults.pauseAfter(2)).isEqualTo(Duration.ofMinutes(5));
        assertThat(defaults.pauseAfter(3)).isEqualTo(Duration.ofMinutes(25));
        assertThat(defaults.pauseAfter(4)).isEqualTo(Duration.ofMinutes(125));
        assertThat(defaults.pauseAfter(5)).isEqualTo(Duration.ofHours(6));
        assertThat(defaults.pauseAfter(1000)).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void links_start_with_the_platforms_address() {
        assertThat(defaults.link("/zuwendungen/1")).isEqualTo("https://komm-an.example.org/zuwendungen/1");
    }

    @Test
    void settings_that_make_no_sense_are_refused_at_startup() {
        assertThatThrownBy(() -> new NoticeMailProperties("a@b.example", URI.create("http://localhost:8080"), 0,
                Duration.ofMinutes(1), 5, Duration.ofHours(6), Duration.ofMinutes(2), 50)).isInstanceOf(IllegalArgumentException.class);
    }
}
