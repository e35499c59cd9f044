package nrw.komman.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The module map of architecture.md, kept true by the build. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("nrw.komman");
    }

    @Test
    void the_shared_kernel_depends_on_no_other_module_and_not_on_spring() {
        noClasses().that().resideInAPackage("nrw.komman.kernel..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "nrw.komman.command..", "nrw.komman.query..", "nrw.komman.web..", "nrw.komman.app..",
                        "org.springframework..")
                .check(classes);
    }

    @Test
    void the_command_side_does_not_know_the_query_side_the_web_or_the_app() {
        noClasses().that().resideInAPackage("nrw.komman.command..")
                .should().dependOnClassesThat().resideInAnyPackage("nrw.komman.query..", "nrw.komman.web..", "nrw.komman.app..")
                .check(classes);
    }

    @Test
    void the_query_side_does_not_know_the_command_side_the_web_or_the_app() {
        noClasses().that().resideInAPackage("nrw.komman.query..")
                .should().dependOnClassesThat().resideInAnyPackage("nrw.komman.command..", "nrw.komman.web..", "nrw.komman.app..")
                .check(classes);
    }

    @Test
    void the_web_reaches_the_domain_only_through_the_published_language() {
        noClasses().that().resideInAPackage("nrw.komman.web..")
                .should().dependOnClassesThat().resideInAnyPackage("nrw.komman.command..", "nrw.komman.query..", "nrw.komman.app..")
                .check(classes);
    }

    @Test
    void the_web_sends_no_events_and_touches_no_event_store() {
        noClasses().that().resideInAPackage("nrw.komman.web..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.axonframework.eventsourcing..", "org.axonframework.eventhandling..")
                .check(classes);
    }

    @Test
    void features_inside_the_command_side_are_free_of_cycles() {
        slices().matching("nrw.komman.command.(*)..").should().beFreeOfCycles().check(classes);
    }
}
