package nrw.komman.web.grant;

import nrw.komman.web.platform.export.ExportFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

class GrantHistoryExportWiringTest {

    @Test
    void it_needs_no_collaborator_and_takes_the_applications_clock_when_there_is_one() {
        new ApplicationContextRunner()
                .withBean(Clock.class, () -> ExportFixtures.CLOCK)
                .withBean(GrantHistoryExport.class)
                .run(context -> {
                    GrantHistoryExport export = context.getBean(GrantHistoryExport.class);
                    String csv = GrantHistoryCsvExportTest.text(export.csv(ExportFixtures.grant(), ExportFixtures.history(),
                            ExportFixtures.intact(10)));
                    assertThat(csv).endsWith("Erstellt am;14.03.2026 10:15:30\r\n");
                });
        new ApplicationContextRunner()
                .withBean(GrantHistoryExport.class)
                .run(context -> assertThat(context).hasSingleBean(GrantHistoryExport.class));
    }
}
