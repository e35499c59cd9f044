package nrw.komman.wiring;

import nrw.komman.command.testing.TestClock;
import nrw.komman.command.centre.CentreRegistry;
import nrw.komman.command.grant.GrantRegistry;
import nrw.komman.command.volunteer.EmailFingerprint;
import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.activity.ActivityId;
import nrw.komman.kernel.activity.LogActivityCommand;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.centre.ConfirmCentreClosureCommand;
import nrw.komman.kernel.centre.ProposeCentreClosureCommand;
import nrw.komman.kernel.centre.EstablishCentreCommand;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.DomainException;
import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.kernel.common.ForbiddenException;
import nrw.komman.kernel.common.RuleViolationException;
import nrw.komman.kernel.grant.ApplyForGrantCommand;
import nrw.komman.kernel.budget.BudgetId;
import nrw.komman.kernel.budget.SetBudgetCommand;
import nrw.komman.kernel.grant.ApproveGrantCommand;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.grant.GrantStatus;
import nrw.komman.kernel.grant.ProgrammePart;
import nrw.komman.kernel.grant.Recommendation;
import nrw.komman.kernel.grant.ReviewGrantCommand;
import nrw.komman.kernel.volunteer.ConsentRecord;
import nrw.komman.kernel.privacy.EraseVolunteerDataCommand;
import nrw.komman.kernel.privacy.ErasureReason;
import nrw.komman.kernel.privacy.RetentionRunRecordedEvent;
import nrw.komman.kernel.privacy.RunRetentionCommand;
import nrw.komman.kernel.privacy.VolunteerDataErasedEvent;
import nrw.komman.kernel.privacy.WithdrawConsentCommand;
import nrw.komman.kernel.volunteer.DeactivateVolunteerCommand;
import nrw.komman.kernel.volunteer.PersonalDataVault;
import nrw.komman.kernel.volunteer.VolunteerDeactivatedEvent;
import nrw.komman.kernel.volunteer.VolunteerRegisteredEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import nrw.komman.kernel.volunteer.PersonalData;
import nrw.komman.kernel.volunteer.RegisterVolunteerCommand;
import nrw.komman.kernel.volunteer.VolunteerId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The command side inside Spring with Axon's JDBC event store on H2: the ports load the other
 * aggregates through Axon's repositories, the handlers get their Spring beans, and the e-mail claims
 * commit or roll back with the command's events.
 */
@SpringBootTest(classes = WiringTestApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:command-side-wiring;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.flyway.locations=classpath:db/migration/common,classpath:db/wiring-test",
        "axon.serializer.general=jackson",
        "axon.serializer.events=jackson",
        "axon.serializer.messages=jackson",
        "komman.personal-data.email-pepper=" + CommandSideWiringTest.PEPPER,
        // the test establishes the centres it needs; the official 54 are the application's start-up data
        "komman.reference-centres.enabled=false"
})
class CommandSideWiringTest {

    static final String PEPPER = "wiring-test-pepper-0123456789";

    private static final CentreId VIERSEN = new CentreId("05166");
    private static final Actor COORDINATOR = Actor.coordinator("k.yilmaz", VIERSEN);
    private static final ConsentRecord CONSENT = new ConsentRecord("Einwilligung Datenverarbeitung", "2024-01",
            Instant.parse("2026-03-02T10:15:00Z"));

    @Autowired
    private CommandGateway commands;
    @Autowired
    private CentreRegistry centres;
    @Autowired
    private GrantRegistry grants;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private EventStorageEngine storageEngine;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private PersonalDataVault vault;

    private void send(Object command, Actor actor) {
        commands.sendAndWait(command, org.axonframework.messaging.MetaData.from(actor.toMetaData()));
    }

    private static RegisterVolunteerCommand registration(VolunteerId id, String email) {
        return new RegisterVolunteerCommand(id, VIERSEN, new PersonalData("Amira Haddad", email, null, null,
                Set.of("ar"), Set.of(ActivityCategory.LANGUAGE_SUPPORT)), CONSENT, LocalDate.of(2026, 3, 2));
    }

    private String holderOf(String email) {
        List<String> holders = jdbc.queryForList("select volunteer_id from active_email_claim where fingerprint = ?",
                String.class, new EmailFingerprint(PEPPER).of(email));
        return holders.isEmpty() ? null : holders.get(0);
    }

    private <T> T inUnitOfWork(java.util.function.Supplier<T> query) {
        return DefaultUnitOfWork.startAndGet(null).executeWithResult(query::get).getPayload();
    }

    @Test
    void the_command_side_runs_on_axons_jdbc_event_store() {
        assertThat(storageEngine).isInstanceOf(JdbcEventStorageEngine.class);
    }

    @Test
    void a_centre_volunteer_grant_and_activity_go_through_the_real_buses_and_ports() {
        CentreId kleve = new CentreId("05154");
        Actor coordinator = Actor.coordinator("j.maas", kleve);
        send(new EstablishCentreCommand(kleve, "Kreis Kleve", "Kreis", LocalDate.of(2017, 1, 1)), Actor.SYSTEM);
        assertThat(inUnitOfWork(() -> centres.find(kleve)))
                .contains(new CentreRegistry.CentreFacts(kleve, LocalDate.of(2017, 1, 1), null));
        assertThatThrownBy(() -> send(new EstablishCentreCommand(kleve, "Kreis Kleve", "Kreis", LocalDate.of(2017, 1, 1)), Actor.SYSTEM))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("centre.already-established"));

        VolunteerId volunteer = VolunteerId.random();
        send(new RegisterVolunteerCommand(volunteer, kleve, new PersonalData("Lena Maas", "lena@example.org", null, null,
                Set.of("de"), Set.of()), CONSENT, null), coordinator);

        LocalDate today = TestClock.TODAY; // the context runs on the fixed test clock
        GrantId grant = GrantId.random();
        send(new ApplyForGrantCommand(grant, kleve, today.getYear(), ProgrammePart.PART_II_B, "Begleitung", "Begleitung zu Ämtern",
                Money.parse("8000.00")), coordinator);
        send(new ReviewGrantCommand(grant, Recommendation.APPROVE, "plausibel"), Actor.of("b.officer", AccountRole.GRANT_OFFICER));
        // four eyes across real events: the reviewer is recorded in the stored event's metadata
        assertThatThrownBy(() -> send(new ApproveGrantCommand(grant, Money.parse("8000.00"), null), Actor.of("b.officer", AccountRole.MINISTRY)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("grant.four-eyes"));
        // the budget through the real buses: the ledger row is written in the command's transaction
        BudgetId budget = BudgetId.of(today.getYear(), ProgrammePart.PART_II_B);
        send(new SetBudgetCommand(budget, Money.parse("7000.00"), "Haushaltsplan"), Actor.of("m.schulz", AccountRole.MINISTRY));
        assertThatThrownBy(() -> send(new ApproveGrantCommand(grant, Money.parse("7500.00"), null), Actor.of("m.schulz", AccountRole.MINISTRY)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("budget.exceeded"));
        send(new SetBudgetCommand(budget, Money.parse("7500.00"), "Nachtrag"), Actor.of("m.schulz", AccountRole.MINISTRY));
        send(new ApproveGrantCommand(grant, Money.parse("7500.00"), null), Actor.of("m.schulz", AccountRole.MINISTRY));
        assertThat(inUnitOfWork(() -> grants.find(grant)).map(GrantRegistry.GrantFacts::status)).contains(GrantStatus.APPROVED);

        send(new LogActivityCommand(volunteer, ActivityId.random(), today, 90,
                ActivityCategory.ACCOMPANIMENT, "Jobcenter", grant), coordinator);

        assertThat(eventStore.readEvents(grant.toString()).asStream())
                .allSatisfy(event -> assertThat(event.getMetaData()).containsKeys(Actor.ACCOUNT, Actor.ROLE));
    }

    @Test
    void an_unknown_centre_or_grant_reads_as_absent() {
        assertThat(inUnitOfWork(() -> centres.find(new CentreId("05334002")))).isEqualTo(Optional.empty());
        assertThat(inUnitOfWork(() -> grants.find(GrantId.random()))).isEqualTo(Optional.empty());
    }

    @Test
    void a_closed_centre_registers_no_volunteers() {
        CentreId wesel = new CentreId("05170");
        send(new EstablishCentreCommand(wesel, "Kreis Wesel", "Kreis", LocalDate.of(2017, 1, 1)), Actor.SYSTEM);
        send(new ProposeCentreClosureCommand(wesel, LocalDate.of(2026, 1, 1), "Auflösung"), Actor.of("m.schulz", AccountRole.MINISTRY));
        // a proposal closes nothing: the centre still registers volunteers (ADR 26)
        send(new RegisterVolunteerCommand(VolunteerId.random(), wesel,
                new PersonalData("Lea Brandt", null, "02162 12345", null, Set.of(), Set.of()), CONSENT, null),
                Actor.coordinator("p.wesel", wesel));
        assertThatThrownBy(() -> send(new ConfirmCentreClosureCommand(wesel, LocalDate.of(2026, 1, 1)),
                Actor.of("m.schulz", AccountRole.MINISTRY)))
                .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.code()).isEqualTo("centre.closure.four-eyes"));
        send(new ConfirmCentreClosureCommand(wesel, LocalDate.of(2026, 1, 1)), Actor.of("n.wagner", AccountRole.MINISTRY));
        assertThatThrownBy(() -> send(new RegisterVolunteerCommand(VolunteerId.random(), wesel,
                new PersonalData("Jonas Weber", null, "02162 98765", null, Set.of(), Set.of()), CONSENT, null),
                Actor.coordinator("p.wesel", wesel)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("centre.closed"));
    }

    @Test
    void the_e_mail_claim_commits_and_rolls_back_with_the_commands_events() {
        send(new EstablishCentreCommand(VIERSEN, "Kreis Viersen", "Kreis", LocalDate.of(2019, 4, 1)), Actor.SYSTEM);
        VolunteerId amira = VolunteerId.random();
        send(registration(amira, "amira@example.org"), COORDINATOR);
        assertThat(holderOf("amira@example.org")).isEqualTo(amira.toString());

        // a second registration under the same id claims the new address, then appending its
        // events fails: the claim must roll back with them
        assertThatThrownBy(() -> send(registration(amira, "amira.neu@example.org"), COORDINATOR));
        assertThat(holderOf("amira.neu@example.org")).isNull();
        assertThat(holderOf("amira@example.org")).isEqualTo(amira.toString());

        // a refused registration leaves no events and no claim
        VolunteerId jonas = VolunteerId.random();
        assertThatThrownBy(() -> send(registration(jonas, "AMIRA@example.org"), COORDINATOR))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("volunteer.email.taken"));
        assertThat(eventStore.readEvents(jonas.toString()).asStream()).isEmpty();

        // deactivation frees the address for others
        send(new DeactivateVolunteerCommand(amira), COORDINATOR);
        send(registration(jonas, "amira@example.org"), COORDINATOR);
        assertThat(holderOf("amira@example.org")).isEqualTo(jonas.toString());
        assertThat(jdbc.queryForList("select * from volunteer_email")).extracting(Map::size).isNotEmpty();
    }

    private List<DomainEventMessage<?>> events(String aggregateId) {
        return eventStore.readEvents(aggregateId).asStream().<DomainEventMessage<?>>map(e -> e).toList();
    }

    private int rows(String sql, Object... args) {
        Integer count = jdbc.queryForObject(sql, Integer.class, args);
        return count == null ? 0 : count;
    }

    @Test
    void an_erasure_destroys_the_key_and_forgets_the_address_in_the_commands_transaction() {
        CentreId mettmann = new CentreId("05158");
        Actor coordinator = Actor.coordinator("k.mettmann", mettmann);
        send(new EstablishCentreCommand(mettmann, "Kreis Mettmann", "Kreis", LocalDate.of(2014, 1, 1)), Actor.SYSTEM);
        VolunteerId lena = VolunteerId.random();
        send(new RegisterVolunteerCommand(lena, mettmann, new PersonalData("Lena Maas", "lena.maas@example.org", null, null,
                Set.of("de"), Set.of()), CONSENT, LocalDate.of(2026, 3, 2)), coordinator);
        assertThat(holderOf("lena.maas@example.org")).isEqualTo(lena.toString());

        send(new EraseVolunteerDataCommand(lena, ErasureReason.REQUEST), Actor.of("betrieb", AccountRole.ADMINISTRATOR));

        assertThat(vault.isShredded(lena)).isTrue();
        assertThat(holderOf("lena.maas@example.org")).isNull();
        assertThat(rows("select count(*) from volunteer_email where volunteer_id = ?", lena.toString())).isZero();
        List<DomainEventMessage<?>> events = events(lena.toString());
        assertThat(events).extracting(e -> e.getPayload().getClass().getSimpleName())
                .containsExactly("VolunteerRegisteredEvent", "VolunteerDeactivatedEvent", "VolunteerDataErasedEvent");
        assertThat(events.get(2).getMetaData()).containsEntry(Actor.ACCOUNT, "betrieb").containsEntry(Actor.ROLE, "ADMINISTRATOR");
        VolunteerRegisteredEvent registered = (VolunteerRegisteredEvent) events.get(0).getPayload();
        assertThat(vault.open(lena, registered.personalData())).isEmpty();
        // the address is free again
        VolunteerId newcomer = VolunteerId.random();
        send(new RegisterVolunteerCommand(newcomer, mettmann, new PersonalData("Lena Schmitz", "lena.maas@example.org", null,
                null, Set.of(), Set.of()), CONSENT, null), coordinator);
        assertThat(holderOf("lena.maas@example.org")).isEqualTo(newcomer.toString());
        // a refused second erasure changes nothing
        assertThatThrownBy(() -> send(new EraseVolunteerDataCommand(lena, ErasureReason.REQUEST), coordinator))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("volunteer.already-erased"));
        assertThat(events(lena.toString())).hasSize(3);
    }

    @Test
    void a_claim_remembered_before_v39_is_placed_by_the_holders_registration_in_the_event_store() {
        CentreId heinsberg = new CentreId("05370");
        CentreId euskirchen = new CentreId("05366");
        send(new EstablishCentreCommand(heinsberg, "Kreis Heinsberg", "Kreis", LocalDate.of(2014, 1, 1)), Actor.SYSTEM);
        send(new EstablishCentreCommand(euskirchen, "Kreis Euskirchen", "Kreis", LocalDate.of(2014, 1, 1)), Actor.SYSTEM);
        VolunteerId old = VolunteerId.random();
        send(new RegisterVolunteerCommand(old, heinsberg, new PersonalData("Ole Alt", "ole.alt@example.org", null, null,
                Set.of(), Set.of()), CONSENT, LocalDate.of(2026, 3, 2)), Actor.coordinator("k.heinsberg", heinsberg));
        // as V10 left the row: no centre
        jdbc.update("update volunteer_email set centre_id = null, active_centre_id = null where volunteer_id = ?", old.toString());

        // the same centre is told (the centre comes from the holder's registration event) ...
        assertThatThrownBy(() -> send(new RegisterVolunteerCommand(VolunteerId.random(), heinsberg, new PersonalData("Ole Neu",
                "ole.alt@example.org", null, null, Set.of(), Set.of()), CONSENT, null), Actor.coordinator("k.heinsberg", heinsberg)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("volunteer.email.taken"));
        // ... another centre is not, and holds the address without the claim
        VolunteerId other = VolunteerId.random();
        send(new RegisterVolunteerCommand(other, euskirchen, new PersonalData("Ole Anders", "ole.alt@example.org", null, null,
                Set.of(), Set.of()), CONSENT, null), Actor.coordinator("k.euskirchen", euskirchen));
        assertThat(holderOf("ole.alt@example.org")).isEqualTo(old.toString());
        assertThat(rows("select count(*) from volunteer_email where volunteer_id = ? and held_since is not null", other.toString()))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select active_centre_id from volunteer_email where volunteer_id = ?", String.class,
                old.toString())).isEqualTo("05370");
    }

    @Test
    void a_consent_withdrawal_records_the_withdrawal_and_erases_through_the_real_buses() {
        CentreId borken = new CentreId("05554");
        Actor coordinator = Actor.coordinator("k.borken", borken);
        send(new EstablishCentreCommand(borken, "Kreis Borken", "Kreis", LocalDate.of(2014, 1, 1)), Actor.SYSTEM);
        VolunteerId ali = VolunteerId.random();
        send(new RegisterVolunteerCommand(ali, borken, new PersonalData("Ali Demir", "ali@example.org", null, null,
                Set.of("tr"), Set.of()), CONSENT, LocalDate.of(2026, 3, 2)), coordinator);

        send(new WithdrawConsentCommand(ali, Instant.parse("2026-11-20T09:00:00Z")), coordinator);

        assertThat(events(ali.toString())).extracting(e -> e.getPayload().getClass().getSimpleName())
                .containsExactly("VolunteerRegisteredEvent", "ConsentWithdrawnEvent", "VolunteerDeactivatedEvent",
                        "VolunteerDataErasedEvent");
        assertThat(vault.isShredded(ali)).isTrue();
        assertThat(holderOf("ali@example.org")).isNull();
    }

    @Test
    void a_retention_run_erases_the_due_volunteers_and_records_the_run_in_its_transaction() {
        CentreId soest = new CentreId("05974");
        Actor coordinator = Actor.coordinator("k.soest", soest);
        send(new EstablishCentreCommand(soest, "Kreis Soest", "Kreis", LocalDate.of(2014, 1, 1)), Actor.SYSTEM);
        // a volunteer deactivated in 2020, as stored back then (commands can only deactivate today)
        VolunteerId longGone = VolunteerId.random();
        DefaultUnitOfWork.startAndGet(null).execute(() -> eventStore.publish(
                new GenericDomainEventMessage<>("Volunteer", longGone.toString(), 0, new VolunteerRegisteredEvent(longGone, soest,
                        vault.seal(longGone, new PersonalData("Karl Alt", "karl@example.org", null, null, Set.of(), Set.of())),
                        nrw.komman.kernel.volunteer.SealedConsent.of(longGone, CONSENT, vault), LocalDate.of(2018, 5, 1)),
                        coordinator.toMetaData()),
                new GenericDomainEventMessage<>("Volunteer", longGone.toString(), 1,
                        new VolunteerDeactivatedEvent(longGone, soest, LocalDate.of(2020, 6, 30)), coordinator.toMetaData())));
        jdbc.update("insert into volunteer_retention (volunteer_id, centre_id, inactive_since) values (?, ?, ?)",
                longGone.toString(), soest.value(), LocalDate.of(2020, 6, 30));
        // a volunteer deactivated today: not due
        VolunteerId recent = VolunteerId.random();
        send(new RegisterVolunteerCommand(recent, soest, new PersonalData("Rita Neu", "rita@example.org", null, null,
                Set.of(), Set.of()), CONSENT, LocalDate.of(2026, 3, 2)), coordinator);
        send(new DeactivateVolunteerCommand(recent), coordinator);
        assertThat(rows("select count(*) from volunteer_retention where volunteer_id = ?", recent.toString())).isEqualTo(1);

        String run = "2026-11-25-wiring1";
        assertThatThrownBy(() -> send(new RunRetentionCommand(run), coordinator))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("retention.forbidden"));
        send(new RunRetentionCommand(run), Actor.of("betrieb", AccountRole.ADMINISTRATOR));

        List<DomainEventMessage<?>> runEvents = events(run);
        assertThat(runEvents).hasSize(1);
        RetentionRunRecordedEvent recorded = (RetentionRunRecordedEvent) runEvents.get(0).getPayload();
        assertThat(recorded.erased()).containsExactly(longGone);
        assertThat(recorded.runOn()).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(recorded.inactiveYears()).isEqualTo(3);
        assertThat(recorded.grantFileYears()).isEqualTo(5);
        assertThat(runEvents.get(0).getType()).isEqualTo("RetentionRun");

        List<DomainEventMessage<?>> erased = events(longGone.toString());
        assertThat(erased).hasSize(3);
        assertThat(erased.get(2).getPayload())
                .isEqualTo(new VolunteerDataErasedEvent(longGone, soest, ErasureReason.RETENTION, LocalDate.of(2026, 11, 25)));
        // the platform's rule, run by this administrator (explicit metadata wins over the command's correlation data)
        assertThat(erased.get(2).getMetaData()).containsEntry(Actor.ACCOUNT, "betrieb").containsEntry(Actor.ROLE, "SYSTEM");
        assertThat(vault.isShredded(longGone)).isTrue();
        assertThat(rows("select count(*) from volunteer_retention where volunteer_id = ?", longGone.toString())).isZero();
        assertThat(vault.isShredded(recent)).isFalse();
        assertThat(events(recent.toString())).hasSize(2);

        assertThatThrownBy(() -> send(new RunRetentionCommand(run), Actor.of("betrieb", AccountRole.ADMINISTRATOR)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("retention.run.duplicate"));
    }

    /** Issue 19: the grant asks the ministry's dates of its programme part through Axon's repository. */
    @Test
    void the_programme_dates_in_force_are_the_ministrys_or_the_defaults() {
        nrw.komman.command.grant.ProgrammeDatesRegistry registry = programmeDatesRegistry;
        nrw.komman.kernel.grant.ProgrammeDates set = new nrw.komman.kernel.grant.ProgrammeDates(ProgrammePart.PART_II_C, 9, 6, 8, 3);
        assertThat(inUnitOfWork(() -> registry.datesOf(ProgrammePart.PART_II_C)))
                .isEqualTo(nrw.komman.kernel.grant.ProgrammeDates.defaults(ProgrammePart.PART_II_C));
        send(new nrw.komman.kernel.grant.SetProgrammeDatesCommand(set, "Erlass"), Actor.of("m.schulz", AccountRole.MINISTRY));
        assertThat(inUnitOfWork(() -> registry.datesOf(ProgrammePart.PART_II_C))).isEqualTo(set);
        assertThat(inUnitOfWork(() -> registry.datesOf(ProgrammePart.PART_II_D)))
                .isEqualTo(nrw.komman.kernel.grant.ProgrammeDates.defaults(ProgrammePart.PART_II_D));
    }

    @Autowired
    private nrw.komman.command.grant.ProgrammeDatesRegistry programmeDatesRegistry;
}
