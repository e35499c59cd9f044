package nrw.komman.app;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UpdateCheckerTest {

    @Test
    void the_application_switches_off_axons_update_checker_before_it_starts() {
        String before = System.getProperty(KommAnApplication.UPDATE_CHECKER_SWITCH);
        System.clearProperty(KommAnApplication.UPDATE_CHECKER_SWITCH);
        try {
            KommAnApplication.switchOffAxonUpdateChecker();
            assertThat(System.getProperty(KommAnApplication.UPDATE_CHECKER_SWITCH)).isEqualTo("true");
        } finally {
            if (before == null) {
                System.clearProperty(KommAnApplication.UPDATE_CHECKER_SWITCH);
            } else {
                System.setProperty(KommAnApplication.UPDATE_CHECKER_SWITCH, before);
            }
        }
    }
}
