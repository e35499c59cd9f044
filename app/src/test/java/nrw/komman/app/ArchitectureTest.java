package nrw.komman.app;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import nrw.komman.command.CommandSideConfiguration;
import nrw.komman.query.QuerySideConfiguration;
import nrw.komman.web.WebModuleAutoConfiguration;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.stereotype.Controller;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The module map of docs/architecture.md, kept true by the build. */
class ArchitectureTest {

    /** The features of the web module; everything else there is the platform they stand on. */
    static final String[] WEB_FEATURES = {"volunteer", "activity", "centre", "grant", "budget", "report", "privacy",
            "account", "admin", "demo", "coordination", "notification"};

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("nrw.komman");
    }

    // ---- modules: one way, through the published language

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

    // ---- a module is a role: a class lives in the module of the role that runs it

    @Test
    void aggregates_and_command_handlers_live_in_the_command_side() {
        classes().that().areAnnotatedWith(Aggregate.class).should().resideInAPackage("nrw.komman.command..").check(classes);
        methods().that().areAnnotatedWith(CommandHandler.class)
                .should().beDeclaredInClassesThat().resideInAnyPackage("nrw.komman.command..",
                        "nrw.komman.query.readmodel..", "nrw.komman.query.report..")
                .because("deciding is the command role's job; the query role handles only the commands about its own "
                        + "work: rebuilding the read models and building reports in the background")
                .check(classes);
    }

    @Test
    void projections_and_query_handlers_live_in_the_query_side() {
        methods().that().areAnnotatedWith(EventHandler.class)
                .should().beDeclaredInClassesThat().resideInAnyPackage("nrw.komman.query..", "nrw.komman.command.grant.audit..",
                        "nrw.komman.command.coordination.policy..", "nrw.komman.command.notification..")
                .because("remembering is the query role's job; the grant's hash chain (ADR 8), the cancelling of a "
                        + "leaving volunteer's assignments (ADR 33) and the notice outbox (issue 19) are written by the "
                        + "command side in the command's own transaction")
                .check(classes);
        methods().that().areAnnotatedWith(QueryHandler.class)
                .should().beDeclaredInClassesThat().resideInAnyPackage("nrw.komman.query..", "nrw.komman.command..")
                .because("reading is the query role's job; the command side answers only the checks of its own "
                        + "set-based tables (the grant's hash chain)")
                .check(classes);
    }

    @Test
    void controllers_live_in_the_web() {
        classes().that().areMetaAnnotatedWith(Controller.class)
                .should().resideInAPackage("nrw.komman.web..").check(classes);
    }

    @Test
    void a_web_controller_says_whether_it_serves_pages_or_the_api() {
        // pages and the API of a feature share its package: the annotation decides whether an error is an
        // HTML page or problem JSON
        noClasses().that().resideInAPackage("nrw.komman.web..").and().areNotAnnotations()
                .should().beAnnotatedWith(Controller.class)
                .because("a page controller is a @PageController and an API controller a @RestController")
                .check(classes);
    }

    @Test
    void the_app_is_wiring_only() {
        noClasses().that().resideInAPackage("nrw.komman.app..")
                .should().beAnnotatedWith(Aggregate.class)
                .orShould().beMetaAnnotatedWith(Controller.class)
                .check(classes);
        noClasses().that().resideInAPackage("nrw.komman.app..")
                .should().dependOnClassesThat().resideInAPackage("nrw.komman.web..")
                .because("the application joins the web module through its auto-configuration, not by reaching into it")
                .check(classes);
    }

    @Test
    void each_role_module_is_switched_by_one_configuration_that_scans_it() {
        classes().that().areAnnotatedWith(ComponentScan.class)
                .should().haveFullyQualifiedName(CommandSideConfiguration.class.getName())
                .orShould().haveFullyQualifiedName(QuerySideConfiguration.class.getName())
                .orShould().haveFullyQualifiedName(WebModuleAutoConfiguration.class.getName())
                .orShould().haveFullyQualifiedName(KommAnApplication.class.getName())
                .check(classes);
        classes().that().belongToAnyOf(CommandSideConfiguration.class, QuerySideConfiguration.class, WebModuleAutoConfiguration.class)
                .should().beAnnotatedWith(ConditionalOnProperty.class)
                .check(classes);
    }

    @Test
    void no_two_production_types_share_a_simple_name() {
        // one name, one meaning: two types called Role (an account's and a process's) were how this began
        java.util.Map<String, java.util.List<String>> byName = new java.util.TreeMap<>();
        classes.stream().filter(c -> c.isTopLevelClass() && !c.getSimpleName().equals("package-info"))
                .forEach(c -> byName.computeIfAbsent(c.getSimpleName(), n -> new java.util.ArrayList<>()).add(c.getName()));
        byName.values().removeIf(names -> names.size() < 2);
        org.assertj.core.api.Assertions.assertThat(byName).as("simple names used by more than one production type").isEmpty();
    }

    // ---- inside the modules: features

    @Test
    void features_inside_the_command_side_are_free_of_cycles() {
        slices().matching("nrw.komman.command.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void every_web_class_belongs_to_a_feature_or_to_the_platform() {
        String[] packages = new String[WEB_FEATURES.length + 1];
        for (int i = 0; i < WEB_FEATURES.length; i++) {
            packages[i] = "nrw.komman.web." + WEB_FEATURES[i] + "..";
        }
        packages[WEB_FEATURES.length] = "nrw.komman.web.platform..";
        classes().that().resideInAPackage("nrw.komman.web..")
                .and().doNotBelongToAnyOf(WebModuleAutoConfiguration.class)
                .should().resideInAnyPackage(packages)
                .check(classes);
    }

    @Test
    void the_web_platform_serves_the_features_and_knows_none_but_the_signed_in_account() {
        String[] others = new String[WEB_FEATURES.length - 1];
        int i = 0;
        for (String feature : WEB_FEATURES) {
            if (!feature.equals("account")) {
                others[i++] = "nrw.komman.web." + feature + "..";
            }
        }
        noClasses().that().resideInAPackage("nrw.komman.web.platform..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .check(classes);
    }

    @Test
    void web_features_lean_on_each_other_one_way_only() {
        // package-private types already stay inside their feature (the compiler says so); what remains is
        // that two features never depend on each other both ways. The platform and the signed-in account
        // lean on each other (security needs the accounts, accounts use the dispatchers): that pair is
        // one foundation, and the platform knows no other feature (the test above).
        DescribedPredicate<JavaClass> platform = JavaClass.Predicates.resideInAPackage("nrw.komman.web.platform..");
        slices().matching("nrw.komman.web.(*)..").should().beFreeOfCycles()
                .ignoreDependency(platform, DescribedPredicate.alwaysTrue())
                .check(classes);
    }
}
