package nrw.komman.command.volunteer;

import nrw.komman.command.testing.FakeCentreRegistry;
import nrw.komman.command.testing.FakeGrantRegistry;
import nrw.komman.command.testing.InMemoryEmailRegistry;
import nrw.komman.command.testing.InMemoryVolunteerRetention;
import nrw.komman.command.testing.NoLegacyPlainTexts;
import nrw.komman.command.testing.TestClock;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.ForbiddenException;
import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.common.RuleViolationException;
import nrw.komman.kernel.coordination.IssueVolunteerLinkCommand;
import nrw.komman.kernel.coordination.LinkChannel;
import nrw.komman.kernel.coordination.RevokeVolunteerLinkCommand;
import nrw.komman.kernel.coordination.VolunteerLinkId;
import nrw.komman.kernel.coordination.VolunteerLinkIssuedEvent;
import nrw.komman.kernel.coordination.VolunteerLinkRevokedEvent;
import nrw.komman.kernel.privacy.ErasureReason;
import nrw.komman.kernel.privacy.VolunteerDataErasedEvent;
import nrw.komman.kernel.volunteer.ConsentRecord;
import nrw.komman.kernel.volunteer.EmailConsentGivenEvent;
import nrw.komman.kernel.volunteer.EmailConsentWithdrawnEvent;
import nrw.komman.kernel.volunteer.GiveEmailConsentCommand;
import nrw.komman.kernel.volunteer.PersonalDataVault;
import nrw.komman.kernel.volunteer.RegisterVolunteerCommand;
import nrw.komman.kernel.volunteer.SealedConsent;
import nrw.komman.kernel.volunteer.VolunteerDeactivatedEvent;
import nrw.komman.kernel.volunteer.VolunteerRegisteredEvent;
import nrw.komman.kernel.volunteer.WithdrawEmailConsentCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static nrw.komman.command.testing.EventsSatisfying.eventsSatisfying;
import static nrw.komman.command.testing.Refusal.refused;
import static nrw.komman.command.testing.TestClock.TODAY;
import static nrw.komman.command.volunteer.VolunteerFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consent to be contacted by e-mail (issue 19, rule 22): recorded like the consent to data processing, given at
 * the registration or later, withdrawn by the volunteer or a coordinator without erasing anything; and the link's
 * channels, of which an e-mailed link needs that consent.
 */
class VolunteerEmailConsentTest {

    private static final Instant NOW = TestClock.CLOCK.instant();
    private static final Actor AMIRA_THROUGH_HER_LINK = Actor.volunteer(AMIRA.value(), VIERSEN);
    private static final Actor JONAS_THROUGH_HIS_LINK = Actor.volunteer(JONAS.value(), VIERSEN);
    private static final ConsentRecord EMAIL_CONSENT = new ConsentRecord("Einwilligung Kontakt per E-Mail", "2026-11",
            Instant.parse("2026-11-20T10:00:00Z"));
    private static final ConsentRecord EMAIL_CONSENT_V2 = new ConsentRecord("Einwilligung Kontakt per E-Mail", "2027-01",
            Instant.parse("2026-11-24T10:00:00Z"));
    private static final VolunteerLinkId HANDED_OVER = new VolunteerLinkId(UUID.fromString("11111111-0000-4000-8000-0000000000a1"));
    private static final VolunteerLinkId EMAILED = new VolunteerLinkId(UUID.fromString("11111111-0000-4000-8000-0000000000e1"));
    private static final VolunteerLinkId EMAILED_AGAIN = new VolunteerLinkId(UUID.fromString("11111111-0000-4000-8000-0000000000e2"));
    private static final String HASH = "ab".repeat(32);

    private AggregateTestFixture<Volunteer> fixture;
    private PersonalDataVault vault;

    @BeforeEach
    void setUp() {
        vault = newVault();
        fixture = new AggregateTestFixture<>(Volunteer.class);
        fixture.registerInjectableResource(TestClock.CLOCK);
        fixture.registerInjectableResource(vault);
        fixture.registerInjectableResource(new FakeCentreRegistry().established(VIERSEN, CENTRE_ESTABLISHED));
        fixture.registerInjectableResource(new InMemoryEmailRegistry());
        fixture.registerInjectableResource(new InMemoryVolunteerRetention());
        fixture.registerInjectableResource(new FakeGrantRegistry());
        fixture.registerInjectableResource(new NoLegacyPlainTexts());
    }

    private EmailConsentGivenEvent emailConsentGiven(ConsentRecord consent) {
        return new EmailConsentGivenEvent(AMIRA, VIERSEN, SealedConsent.of(AMIRA, consent, vault));
    }

    private static VolunteerLinkIssuedEvent issued(VolunteerLinkId link, LinkChannel channel) {
        return new VolunteerLinkIssuedEvent(AMIRA, VIERSEN, link, HASH, TODAY.plusDays(90), channel);
    }

    private static IssueVolunteerLinkCommand issue(VolunteerLinkId link, LinkChannel channel) {
        return new IssueVolunteerLinkCommand(AMIRA, link, HASH, TODAY.plusDays(90), channel);
    }

    private VolunteerDataErasedEvent erased() {
        vault.shred(AMIRA);
        return new VolunteerDataErasedEvent(AMIRA, VIERSEN, ErasureReason.REQUEST, TODAY);
    }

    @Nested
    class AtTheRegistration {

        @Test
        void a_consent_to_e_mail_given_with_the_registration_follows_it_in_the_same_command_sealed() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterVolunteerCommand(AMIRA, VIERSEN, AMIRA_DATA, CONSENT, REGISTERED_ON, EMAIL_CONSENT),
                            COORDINATOR.toMetaData())
                    .expectEventsMatching(eventsSatisfying(events -> {
                        assertThat(events).hasSize(2);
                        assertThat(events.get(0).getPayload()).isInstanceOf(VolunteerRegisteredEvent.class);
                        EmailConsentGivenEvent given = (EmailConsentGivenEvent) events.get(1).getPayload();
                        assertThat(given.centreId()).isEqualTo(VIERSEN);
                        assertThat(given.consent().version()).isEqualTo("2026-11");
                        assertThat(given.consent().givenAt()).isEqualTo(EMAIL_CONSENT.givenAt());
                        assertThat(given.consent().document().ciphertext()).doesNotContain("E-Mail");
                        assertThat(vault.openText(AMIRA, given.consent().document())).contains(EMAIL_CONSENT.document());
                        assertThat(events.get(1).getMetaData()).containsEntry(Actor.ACCOUNT, "k.yilmaz");
                    }));
        }

        @Test
        void without_it_the_registration_records_no_consent_to_e_mail() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterVolunteerCommand(AMIRA, VIERSEN, AMIRA_DATA, CONSENT, REGISTERED_ON),
                            COORDINATOR.toMetaData())
                    .expectEventsMatching(eventsSatisfying(events -> assertThat(events).hasSize(1)));
        }

        @Test
        void a_consent_to_e_mail_signed_in_the_future_refuses_the_whole_registration() {
            ConsentRecord tomorrow = new ConsentRecord(EMAIL_CONSENT.document(), EMAIL_CONSENT.version(), NOW.plusSeconds(86_400));
            fixture.givenNoPriorActivity()
                    .when(new RegisterVolunteerCommand(AMIRA, VIERSEN, AMIRA_DATA, CONSENT, REGISTERED_ON, tomorrow),
                            COORDINATOR.toMetaData())
                    .expectException(refused(InvalidInputException.class, "consent.givenAt.future"))
                    .expectNoEvents();
        }

        @Test
        void a_consent_to_e_mail_is_never_signed_before_the_consent_to_data_processing() {
            ConsentRecord before = new ConsentRecord(EMAIL_CONSENT.document(), EMAIL_CONSENT.version(),
                    CONSENT.givenAt().minusSeconds(86_400));
            fixture.givenNoPriorActivity()
                    .when(new RegisterVolunteerCommand(AMIRA, VIERSEN, AMIRA_DATA, CONSENT, REGISTERED_ON, before),
                            COORDINATOR.toMetaData())
                    .expectException(refused(InvalidInputException.class, "email-consent.givenAt.before-consent"))
                    .expectNoEvents();
        }
    }

    @Nested
    class GivenLater {

        @Test
        void a_coordinator_records_it_later() {
            fixture.given(amiraRegistered(vault))
                    .when(new GiveEmailConsentCommand(AMIRA, EMAIL_CONSENT), COORDINATOR.toMetaData())
                    .expectEventsMatching(eventsSatisfying(events -> {
                        EmailConsentGivenEvent given = (EmailConsentGivenEvent) events.get(0).getPayload();
                        assertThat(events).hasSize(1);
                        assertThat(given.consent().version()).isEqualTo("2026-11");
                        assertThat(vault.openText(AMIRA, given.consent().document())).contains(EMAIL_CONSENT.document());
                    }));
        }

        @Test
        void the_same_version_again_is_refused_a_new_version_is_recorded() {
            fixture.given(amiraRegistered(vault), emailConsentGiven(EMAIL_CONSENT))
                    .when(new GiveEmailConsentCommand(AMIRA, EMAIL_CONSENT), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "email-consent.already-given"))
                    .expectNoEvents();
            fixture.given(amiraRegistered(vault), emailConsentGiven(EMAIL_CONSENT))
                    .when(new GiveEmailConsentCommand(AMIRA, EMAIL_CONSENT_V2), COORDINATOR.toMetaData())
                    .expectEventsMatching(eventsSatisfying(events -> assertThat(
                            ((EmailConsentGivenEvent) events.get(0).getPayload()).consent().version()).isEqualTo("2027-01")));
        }

        @Test
        void a_new_version_is_not_dated_before_the_one_in_force() {
            ConsentRecord older = new ConsentRecord(EMAIL_CONSENT.document(), "2027-02", EMAIL_CONSENT.givenAt().minusSeconds(3600));
            fixture.given(amiraRegistered(vault), emailConsentGiven(EMAIL_CONSENT))
                    .when(new GiveEmailConsentCommand(AMIRA, older), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "email-consent.before-current"))
                    .expectNoEvents();
        }

        @Test
        void after_a_withdrawal_the_same_version_may_be_given_again_but_not_dated_before_the_withdrawal() {
            Instant withdrawnAt = Instant.parse("2026-11-22T10:00:00Z");
            Object[] history = {amiraRegistered(vault), emailConsentGiven(EMAIL_CONSENT),
                    new EmailConsentWithdrawnEvent(AMIRA, VIERSEN, withdrawnAt)};
            fixture.given(history)
                    .when(new GiveEmailConsentCommand(AMIRA, EMAIL_CONSENT), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "email-consent.before-withdrawal"))
                    .expectNoEvents();
            ConsentRecord again = new ConsentRecord(EMAIL_CONSENT.document(), EMAIL_CONSENT.version(), withdrawnAt.plusSeconds(3600));
            fixture.given(history)
                    .when(new GiveEmailConsentCommand(AMIRA, again), COORDINATOR.toMetaData())
                    .expectEventsMatching(eventsSatisfying(events -> assertThat(events).hasSize(1)));
        }

        @Test
        void never_in_the_future_nor_before_the_consent_to_data_processing() {
            fixture.given(amiraRegistered(vault))
                    .when(new GiveEmailConsentCommand(AMIRA, new ConsentRecord("E-Mail", "2026-11", NOW.plusSeconds(60))),
                            COORDINATOR.toMetaData())
                    .expectException(refused(InvalidInputException.class, "consent.givenAt.future"))
                    .expectNoEvents();
            fixture.given(amiraRegistered(vault))
                    .when(new GiveEmailConsentCommand(AMIRA, new ConsentRecord("E-Mail", "2026-11",
                            Instant.parse("2026-02-01T10:00:00Z"))), COORDINATOR.toMetaData())
                    .expectException(refused(InvalidInputException.class, "email-consent.givenAt.before-consent"))
                    .expectNoEvents();
        }

        @Test
        void only_a_coordinator_of_the_centre_records_it_never_the_volunteer_through_the_link() {
            fixture.given(amiraRegistered(vault))
                    .when(new GiveEmailConsentCommand(AMIRA, EMAIL_CONSENT), OTHER_COORDINATOR.toMetaData())
                    .expectException(refused(ForbiddenException.class, "volunteer.forbidden"))
                    .expectNoEvents();
            fixture.given(amiraRegistered(vault))
                    .when(new GiveEmailConsentCommand(AMIRA, EMAIL_CONSENT), AMIRA_THROUGH_HER_LINK.toMetaData())
                    .expectException(refused(ForbiddenException.class, "volunteer.forbidden"))
                    .expectNoEvents();
            // the platform may manage volunteers, but only a person can have received the signed consent
            fixture.given(amiraRegistered(vault))
                    .when(new GiveEmailConsentCommand(AMIRA, EMAIL_CONSENT), Actor.SYSTEM.toMetaData())
                    .expectException(refused(ForbiddenException.class, "volunteer.forbidden"))
                    .expectNoEvents();
        }

        @Test
        void not_for_an_inactive_or_erased_volunteer() {
            fixture.given(amiraRegistered(vault), new VolunteerDeactivatedEvent(AMIRA, VIERSEN, TODAY))
                    .when(new GiveEmailConsentCommand(AMIRA, EMAIL_CONSENT), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "volunteer.inactive"))
                    .expectNoEvents();
            fixture.given(amiraRegistered(vault), new VolunteerDeactivatedEvent(AMIRA, VIERSEN, TODAY), erased())
                    .when(new GiveEmailConsentCommand(AMIRA, EMAIL_CONSENT), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "volunteer.erased"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Withdrawn {

        @Test
        void the_volunteer_withdraws_it_through_the_link_erasing_nothing_and_ending_the_e_mailed_link_only() {
            fixture.given(amiraRegistered(vault), emailConsentGiven(EMAIL_CONSENT),
                            issued(HANDED_OVER, LinkChannel.HANDED_OVER), issued(EMAILED, LinkChannel.EMAIL))
                    .when(new WithdrawEmailConsentCommand(AMIRA, NOW), AMIRA_THROUGH_HER_LINK.toMetaData())
                    .expectEvents(new EmailConsentWithdrawnEvent(AMIRA, VIERSEN, NOW),
                            new VolunteerLinkRevokedEvent(AMIRA, VIERSEN, EMAILED));
        }

        @Test
        void a_coordinator_of_the_centre_withdraws_it_too_without_a_link_nothing_is_revoked() {
            fixture.given(amiraRegistered(vault), emailConsentGiven(EMAIL_CONSENT))
                    .when(new WithdrawEmailConsentCommand(AMIRA, NOW), COORDINATOR.toMetaData())
                    .expectEvents(new EmailConsentWithdrawnEvent(AMIRA, VIERSEN, NOW));
        }

        @Test
        void also_while_inactive() {
            fixture.given(amiraRegistered(vault), emailConsentGiven(EMAIL_CONSENT), new VolunteerDeactivatedEvent(AMIRA, VIERSEN, TODAY))
                    .when(new WithdrawEmailConsentCommand(AMIRA, NOW), COORDINATOR.toMetaData())
                    .expectEvents(new EmailConsentWithdrawnEvent(AMIRA, VIERSEN, NOW));
        }

        @Test
        void nobody_else_withdraws_it() {
            fixture.given(amiraRegistered(vault), emailConsentGiven(EMAIL_CONSENT))
                    .when(new WithdrawEmailConsentCommand(AMIRA, NOW), JONAS_THROUGH_HIS_LINK.toMetaData())
                    .expectException(refused(ForbiddenException.class, "volunteer.forbidden"))
                    .expectNoEvents();
            fixture.given(amiraRegistered(vault), emailConsentGiven(EMAIL_CONSENT))
                    .when(new WithdrawEmailConsentCommand(AMIRA, NOW), OTHER_COORDINATOR.toMetaData())
                    .expectException(refused(ForbiddenException.class, "volunteer.forbidden"))
                    .expectNoEvents();
        }

        @Test
        void there_is_nothing_to_withdraw_without_a_consent_in_force() {
            fixture.given(amiraRegistered(vault))
                    .when(new WithdrawEmailConsentCommand(AMIRA, NOW), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "email-consent.none"))
                    .expectNoEvents();
            fixture.given(amiraRegistered(vault), emailConsentGiven(EMAIL_CONSENT),
                            new EmailConsentWithdrawnEvent(AMIRA, VIERSEN, NOW.minusSeconds(60)))
                    .when(new WithdrawEmailConsentCommand(AMIRA, NOW), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "email-consent.none"))
                    .expectNoEvents();
        }

        @Test
        void a_withdrawal_is_dated_neither_in_the_future_nor_before_the_consent() {
            fixture.given(amiraRegistered(vault), emailConsentGiven(EMAIL_CONSENT))
                    .when(new WithdrawEmailConsentCommand(AMIRA, NOW.plusSeconds(60)), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "email-consent.withdrawn-at.future"))
                    .expectNoEvents();
            fixture.given(amiraRegistered(vault), emailConsentGiven(EMAIL_CONSENT))
                    .when(new WithdrawEmailConsentCommand(AMIRA, EMAIL_CONSENT.givenAt().minusSeconds(60)), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "email-consent.withdrawn-before-given"))
                    .expectNoEvents();
        }

        @Test
        void erasure_ends_the_consent() {
            fixture.given(amiraRegistered(vault), emailConsentGiven(EMAIL_CONSENT),
                            new VolunteerDeactivatedEvent(AMIRA, VIERSEN, TODAY), erased())
                    .when(new WithdrawEmailConsentCommand(AMIRA, NOW), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "email-consent.none"))
                    .expectNoEvents();
        }
    }

    @Nested
    class LinkChannels {

        @Test
        void the_platform_issues_an_e_mailed_link_to_a_volunteer_who_agreed() {
            fixture.given(amiraRegistered(vault), emailConsentGiven(EMAIL_CONSENT))
                    .when(issue(EMAILED, LinkChannel.EMAIL), Actor.SYSTEM.toMetaData())
                    .expectEvents(issued(EMAILED, LinkChannel.EMAIL));
        }

        @Test
        void without_consent_no_e_mailed_link_not_from_a_coordinator_either() {
            fixture.given(amiraRegistered(vault))
                    .when(issue(EMAILED, LinkChannel.EMAIL), Actor.SYSTEM.toMetaData())
                    .expectException(refused(RuleViolationException.class, "link.email.no-consent"))
                    .expectNoEvents();
            fixture.given(amiraRegistered(vault), emailConsentGiven(EMAIL_CONSENT),
                            new EmailConsentWithdrawnEvent(AMIRA, VIERSEN, NOW))
                    .when(issue(EMAILED, LinkChannel.EMAIL), Actor.SYSTEM.toMetaData())
                    .expectException(refused(RuleViolationException.class, "link.email.no-consent"))
                    .expectNoEvents();
        }

        @Test
        void a_coordinator_hands_links_over_and_never_issues_an_e_mailed_one() {
            // a token the coordinator saw and printed would end with the next e-mail or the consent's withdrawal
            fixture.given(amiraRegistered(vault), emailConsentGiven(EMAIL_CONSENT))
                    .when(issue(EMAILED, LinkChannel.EMAIL), COORDINATOR.toMetaData())
                    .expectException(refused(ForbiddenException.class, "volunteer.forbidden"))
                    .expectNoEvents();
        }

        @Test
        void the_platform_revokes_no_link_on_its_own() {
            fixture.given(amiraRegistered(vault), emailConsentGiven(EMAIL_CONSENT),
                            issued(HANDED_OVER, LinkChannel.HANDED_OVER), issued(EMAILED, LinkChannel.EMAIL))
                    .when(new RevokeVolunteerLinkCommand(AMIRA), Actor.SYSTEM.toMetaData())
                    .expectException(refused(ForbiddenException.class, "volunteer.forbidden"))
                    .expectNoEvents();
        }

        @Test
        void a_deactivated_volunteer_keeps_the_consent_but_gets_no_e_mailed_link() {
            fixture.given(amiraRegistered(vault), emailConsentGiven(EMAIL_CONSENT), new VolunteerDeactivatedEvent(AMIRA, VIERSEN, TODAY))
                    .when(issue(EMAILED, LinkChannel.EMAIL), Actor.SYSTEM.toMetaData())
                    .expectException(refused(RuleViolationException.class, "volunteer.inactive"))
                    .expectNoEvents();
            // the consent outlived the deactivation: there is one to withdraw
            fixture.given(amiraRegistered(vault), emailConsentGiven(EMAIL_CONSENT), new VolunteerDeactivatedEvent(AMIRA, VIERSEN, TODAY))
                    .when(new WithdrawEmailConsentCommand(AMIRA, NOW), COORDINATOR.toMetaData())
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void the_platform_issues_no_handed_over_link() {
            fixture.given(amiraRegistered(vault), emailConsentGiven(EMAIL_CONSENT))
                    .when(issue(HANDED_OVER, LinkChannel.HANDED_OVER), Actor.SYSTEM.toMetaData())
                    .expectException(refused(ForbiddenException.class, "volunteer.forbidden"))
                    .expectNoEvents();
        }

        @Test
        void an_e_mailed_link_replaces_only_the_last_e_mailed_one_and_revoking_ends_every_current_link() {
            fixture.given(amiraRegistered(vault), emailConsentGiven(EMAIL_CONSENT),
                            issued(HANDED_OVER, LinkChannel.HANDED_OVER), issued(EMAILED, LinkChannel.EMAIL),
                            issued(EMAILED_AGAIN, LinkChannel.EMAIL))
                    .when(new RevokeVolunteerLinkCommand(AMIRA), COORDINATOR.toMetaData())
                    .expectEvents(new VolunteerLinkRevokedEvent(AMIRA, VIERSEN, HANDED_OVER),
                            new VolunteerLinkRevokedEvent(AMIRA, VIERSEN, EMAILED_AGAIN));
        }

        @Test
        void after_a_revocation_nothing_is_left_to_revoke() {
            fixture.given(amiraRegistered(vault), emailConsentGiven(EMAIL_CONSENT),
                            issued(HANDED_OVER, LinkChannel.HANDED_OVER), issued(EMAILED, LinkChannel.EMAIL),
                            new VolunteerLinkRevokedEvent(AMIRA, VIERSEN, HANDED_OVER),
                            new VolunteerLinkRevokedEvent(AMIRA, VIERSEN, EMAILED))
                    .when(new RevokeVolunteerLinkCommand(AMIRA), COORDINATOR.toMetaData())
                    .expectException(refused(RuleViolationException.class, "link.none"))
                    .expectNoEvents();
        }

        @Test
        void a_link_already_current_in_another_channel_is_not_issued_again() {
            fixture.given(amiraRegistered(vault), emailConsentGiven(EMAIL_CONSENT), issued(HANDED_OVER, LinkChannel.HANDED_OVER))
                    .when(issue(HANDED_OVER, LinkChannel.EMAIL), Actor.SYSTEM.toMetaData())
                    .expectException(refused(RuleViolationException.class, "link.duplicate"))
                    .expectNoEvents();
        }

        @Test
        void a_link_stored_before_the_channels_was_handed_over() {
            // the old event's constructor, as the stored JSON without a channel reads
            assertThat(new VolunteerLinkIssuedEvent(AMIRA, VIERSEN, HANDED_OVER, HASH, TODAY, null).channel())
                    .isEqualTo(LinkChannel.HANDED_OVER);
            // read as handed over, an e-mailed link leaves it current: a revocation then ends both
            fixture.given(amiraRegistered(vault), new VolunteerLinkIssuedEvent(AMIRA, VIERSEN, HANDED_OVER, HASH, TODAY.plusDays(9)),
                            emailConsentGiven(EMAIL_CONSENT), issued(EMAILED, LinkChannel.EMAIL))
                    .when(new RevokeVolunteerLinkCommand(AMIRA), COORDINATOR.toMetaData())
                    .expectEvents(new VolunteerLinkRevokedEvent(AMIRA, VIERSEN, HANDED_OVER),
                            new VolunteerLinkRevokedEvent(AMIRA, VIERSEN, EMAILED));
        }
    }
}
