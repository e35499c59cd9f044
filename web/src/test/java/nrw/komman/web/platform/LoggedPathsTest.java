package nrw.komman.web.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A personal link's token never reaches a log line; ids and words stay readable. */
class LoggedPathsTest {

    private static final String TOKEN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLM-_Q";

    @Test
    void a_token_in_the_path_is_logged_as_an_ellipsis() {
        assertThat(LoggedPaths.redact("/mein-einsatz/" + TOKEN + "A")).isEqualTo("/mein-einsatz/…");
        assertThat(LoggedPaths.redact("/mein-einsatz/" + TOKEN + "A/einsaetze/7c1e2d3f-0000-4000-8000-000000000001/zusage"))
                .isEqualTo("/mein-einsatz/…/einsaetze/7c1e2d3f-0000-4000-8000-000000000001/zusage");
        assertThat(LoggedPaths.redact("/api/link/" + TOKEN + "A/calendar.ics")).isEqualTo("/api/link/…/calendar.ics");
    }

    @Test
    void ordinary_addresses_stay_as_they_are() {
        assertThat(LoggedPaths.redact("/ehrenamtliche/7c1e2d3f-0000-4000-8000-000000000001/einsaetze/neu"))
                .isEqualTo("/ehrenamtliche/7c1e2d3f-0000-4000-8000-000000000001/einsaetze/neu");
        assertThat(LoggedPaths.redact("/zuwendungen/7c1e2d3f-0000-4000-8000-000000000001/verlauf.pdf"))
                .isEqualTo("/zuwendungen/7c1e2d3f-0000-4000-8000-000000000001/verlauf.pdf");
    }
}
