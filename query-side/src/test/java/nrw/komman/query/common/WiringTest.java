package nrw.komman.query.common;

import nrw.komman.kernel.budget.BudgetOverview;
import nrw.komman.kernel.budget.FetchBudgetUseQuery;
import nrw.komman.kernel.centre.CentreView;
import nrw.komman.kernel.centre.FindCentreQuery;
import nrw.komman.kernel.centre.FindCentresQuery;
import nrw.komman.kernel.common.ForbiddenException;
import nrw.komman.kernel.volunteer.AesGcmPersonalDataVault;
import nrw.komman.kernel.volunteer.FindVolunteersQuery;
import nrw.komman.kernel.volunteer.InMemoryKeyRing;
import nrw.komman.kernel.volunteer.PersonalDataVault;
import nrw.komman.query.activity.ActivityProjection;
import nrw.komman.query.budget.BudgetProjection;
import nrw.komman.query.centre.CentreProjection;
import nrw.komman.query.centre.CentreQueries;
import nrw.komman.query.grant.GrantProjection;
import nrw.komman.query.support.ReadSide;
import nrw.komman.query.support.TestDatabase;
import nrw.komman.query.volunteer.VolunteerProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import javax.sql.DataSource;
import java.util.List;
import java.util.concurrent.ExecutionException;

import static nrw.komman.query.support.ReadSide.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The module as the application sees it: Spring components, their processing groups, Axon's query bus. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WiringTest {

    @Configuration
    static class WhatTheApplicationProvides {
        @Bean
        DataSource dataSource() {
            return TestDatabase.create();
        }

        @Bean
        NamedParameterJdbcTemplate namedParameterJdbcTemplate(DataSource dataSource) {
            return new NamedParameterJdbcTemplate(dataSource);
        }

        @Bean(destroyMethod = "shutDown")
        org.axonframework.eventsourcing.eventstore.EventStore eventStore() {
            return org.axonframework.eventsourcing.eventstore.EmbeddedEventStore.builder()
                    .storageEngine(new org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine()).build();
        }

        @Bean
        org.axonframework.serialization.Serializer serializer() {
            return org.axonframework.serialization.json.JacksonSerializer.defaultSerializer();
        }

        @Bean
        PersonalDataVault personalDataVault() {
            return new AesGcmPersonalDataVault(new InMemoryKeyRing());
        }
    }

    @Test
    void the_components_start_with_a_data_source_and_a_vault_and_provide_the_sequencing_policy() {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.register(WhatTheApplicationProvides.class);
            scanTheFeatures(context);
            context.refresh();

            assertThat(context.getBean("centreSequencingPolicy")).isInstanceOf(SequencingPolicy.class);
            assertThat(context.getBean(CentreQueries.class)).isNotNull();
            assertThat(context.getBeansOfType(Object.class).keySet())
                    .contains("centreProjection", "volunteerProjection", "activityProjection", "grantProjection",
                            "centreQueries", "volunteerQueries", "activityQueries", "grantQueries", "ministryQueries",
                            "budgetProjection", "budgetQueries", "volunteerDataExportQueries", "retentionPlanQueries",
                            "annualReportQueries", "reportJobs");
        }
    }

    @Test
    void the_retention_periods_come_from_the_properties_with_defaults_in_code() {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.getEnvironment().getPropertySources().addFirst(new org.springframework.core.env.MapPropertySource("test",
                    java.util.Map.of("komman.retention.inactive-volunteers-years", "4")));
            context.register(WhatTheApplicationProvides.class);
            scanTheFeatures(context);
            context.refresh();

            nrw.komman.kernel.privacy.RetentionPlan plan = context.getBean(nrw.komman.query.privacy.RetentionPlanQueries.class)
                    .handle(new nrw.komman.kernel.privacy.PlanRetentionQuery(), as(ADMINISTRATOR));
            assertThat(plan.inactiveYears()).isEqualTo(4);
            assertThat(plan.grantFileYears()).isEqualTo(5);
        }
    }

    @Test
    void centres_volunteers_and_activities_are_projected_by_centre_views_and_grants_by_grant_views() {
        for (Class<?> type : List.of(CentreProjection.class, VolunteerProjection.class, ActivityProjection.class,
                nrw.komman.query.activity.ActivityReasonProjection.class, nrw.komman.query.coordination.HelpRequestProjection.class,
                nrw.komman.query.coordination.VolunteerCoordinationProjection.class)) {
            assertThat(type.getAnnotation(ProcessingGroup.class).value()).as(type.getSimpleName()).isEqualTo("centre-views");
        }
        assertThat(GrantProjection.class.getAnnotation(ProcessingGroup.class).value()).isEqualTo("grant-views");
        assertThat(BudgetProjection.class.getAnnotation(ProcessingGroup.class).value()).isEqualTo("grant-views");
    }

    @Test
    void queries_sent_through_axon_reach_the_handlers_with_the_actor_from_the_metadata() throws Exception {
        ReadSide readSide = new ReadSide();
        readSide.establishSomeCentres();
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        for (Object handler : List.of(readSide.centres, readSide.volunteers, readSide.activities, readSide.grants, readSide.ministry,
                readSide.budgets, readSide.exports, readSide.retention)) {
            new AnnotationQueryHandlerAdapter<>(handler).subscribe(bus);
        }
        QueryGateway gateway = DefaultQueryGateway.builder().queryBus(bus).build();

        List<CentreView> centres = gateway.query(new GenericMessage<>(new FindCentresQuery(), as(AUDITOR)),
                ResponseTypes.multipleInstancesOf(CentreView.class)).get();
        CentreView koeln = gateway.query(new GenericMessage<>(new FindCentreQuery(KOELN), as(MINISTRY)),
                ResponseTypes.instanceOf(CentreView.class)).get();

        assertThat(centres).hasSize(3);
        BudgetOverview budgets = gateway.query(new GenericMessage<>(new FetchBudgetUseQuery(2025), as(AUDITOR)),
                ResponseTypes.instanceOf(BudgetOverview.class)).get();
        assertThat(budgets.programmeParts()).isEmpty();
        assertThatThrownBy(() -> gateway.query(new GenericMessage<>(new FetchBudgetUseQuery(2025), as(COORDINATOR_KOELN)),
                ResponseTypes.instanceOf(BudgetOverview.class)).get())
                .hasCauseInstanceOf(ForbiddenException.class);
        assertThat(koeln.name()).isEqualTo("Stadt Köln");
        assertThatThrownBy(() -> gateway.query(new GenericMessage<>(
                        new FindVolunteersQuery(KOELN, null, null, null, null, 0, 10), as(MINISTRY)),
                ResponseTypes.instanceOf(nrw.komman.kernel.volunteer.VolunteerPage.class)).get())
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(ForbiddenException.class);
        nrw.komman.kernel.privacy.RetentionPlan plan = gateway.query(new GenericMessage<>(
                        new nrw.komman.kernel.privacy.PlanRetentionQuery(), as(ADMINISTRATOR)),
                ResponseTypes.instanceOf(nrw.komman.kernel.privacy.RetentionPlan.class)).get();
        assertThat(plan.inactiveYears()).isEqualTo(3);
        assertThatThrownBy(() -> gateway.query(new GenericMessage<>(
                        new nrw.komman.kernel.privacy.FetchVolunteerDataExportQuery(nrw.komman.kernel.volunteer.VolunteerId.random()),
                        as(MINISTRY)), ResponseTypes.instanceOf(nrw.komman.kernel.privacy.VolunteerDataExport.class)).get())
                .hasCauseInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> gateway.query(new GenericMessage<>(new FindCentresQuery(), MetaData.emptyInstance()),
                ResponseTypes.multipleInstancesOf(CentreView.class)).get())
                .hasCauseInstanceOf(ForbiddenException.class);
    }

    /**
     * The features of the module, without the read-model machinery ({@code readmodel}: processing,
     * read-your-writes, rebuilds) and the module's configuration that would scan it: those need Axon's
     * processing configuration and token store, and the application's tests start them for real
     * (AxonWiringTest, ReadinessTest, RebuildGivesTheSameReadModels).
     */
    private static void scanTheFeatures(AnnotationConfigApplicationContext context) {
        org.springframework.context.annotation.ClassPathBeanDefinitionScanner scanner =
                new org.springframework.context.annotation.ClassPathBeanDefinitionScanner(context);
        scanner.addExcludeFilter(new org.springframework.core.type.filter.RegexPatternTypeFilter(
                java.util.regex.Pattern.compile("nrw\\.komman\\.query\\.(readmodel\\..*|QuerySideConfiguration)")));
        scanner.scan("nrw.komman.query");
    }
}
