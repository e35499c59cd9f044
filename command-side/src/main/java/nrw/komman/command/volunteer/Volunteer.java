package nrw.komman.command.volunteer;

import nrw.komman.command.CommandSideConfiguration;
import nrw.komman.command.centre.CentreRegistry;
import nrw.komman.command.common.Actors;
import nrw.komman.command.grant.GrantRegistry;
import nrw.komman.command.grant.GrantRegistry.GrantFacts;
import nrw.komman.kernel.activity.ActivityCorrectedEvent;
import nrw.komman.kernel.activity.ActivityId;
import nrw.komman.kernel.activity.ActivityLoggedEvent;
import nrw.komman.kernel.activity.ActivityRules;
import nrw.komman.kernel.activity.ActivityWithdrawnEvent;
import nrw.komman.kernel.activity.CorrectActivityCommand;
import nrw.komman.kernel.activity.LogActivityCommand;
import nrw.komman.kernel.activity.WithdrawActivityCommand;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.coordination.CertificateId;
import nrw.komman.kernel.coordination.CertificateIssuedEvent;
import nrw.komman.kernel.coordination.CertificateLine;
import nrw.komman.kernel.coordination.IssueCertificateCommand;
import nrw.komman.kernel.coordination.IssueVolunteerLinkCommand;
import nrw.komman.kernel.coordination.LinkChannel;
import nrw.komman.kernel.coordination.RevokeVolunteerLinkCommand;
import nrw.komman.kernel.coordination.UpdateAvailabilityCommand;
import nrw.komman.kernel.coordination.VolunteerAvailabilityUpdatedEvent;
import nrw.komman.kernel.coordination.VolunteerLinkId;
import nrw.komman.kernel.coordination.VolunteerLinkIssuedEvent;
import nrw.komman.kernel.coordination.VolunteerLinkRevokedEvent;
import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.common.NotFoundException;
import nrw.komman.kernel.common.Nrw;
import nrw.komman.kernel.common.RuleViolationException;
import nrw.komman.kernel.grant.FundingYear;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.privacy.ConsentWithdrawnEvent;
import nrw.komman.kernel.privacy.EraseVolunteerDataCommand;
import nrw.komman.kernel.privacy.ErasureReason;
import nrw.komman.kernel.privacy.LegacyTextsRedactedEvent;
import nrw.komman.kernel.privacy.VolunteerDataErasedEvent;
import nrw.komman.kernel.privacy.WithdrawConsentCommand;
import nrw.komman.kernel.volunteer.ConsentRecord;
import nrw.komman.kernel.volunteer.DeactivateVolunteerCommand;
import nrw.komman.kernel.volunteer.EmailConsentGivenEvent;
import nrw.komman.kernel.volunteer.EmailConsentWithdrawnEvent;
import nrw.komman.kernel.volunteer.GiveEmailConsentCommand;
import nrw.komman.kernel.volunteer.PersonalDataVault;
import nrw.komman.kernel.volunteer.ReactivateVolunteerCommand;
import nrw.komman.kernel.volunteer.RegisterVolunteerCommand;
import nrw.komman.kernel.volunteer.SealedConsent;
import nrw.komman.kernel.volunteer.SealedText;
import nrw.komman.kernel.volunteer.UpdateVolunteerProfileCommand;
import nrw.komman.kernel.volunteer.VolunteerDeactivatedEvent;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.kernel.volunteer.VolunteerProfileUpdatedEvent;
import nrw.komman.kernel.volunteer.VolunteerReactivatedEvent;
import nrw.komman.kernel.volunteer.VolunteerRegisteredEvent;
import nrw.komman.kernel.volunteer.VolunteerRules;
import nrw.komman.kernel.volunteer.WithdrawEmailConsentCommand;
import nrw.komman.kernel.access.Action;
import nrw.komman.kernel.access.Permissions;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A volunteer (Ehrenamtliche/r) of one centre, with the activities (Einsätze) logged for them.
 * Activities live inside this aggregate because their rules need its state (active, registered on).
 * <p>
 * Personal data (languages and interests included) is sealed by the {@link PersonalDataVault} before it
 * enters an event, and this aggregate keeps none of it: only ids, status, dates and the activities'
 * minimal state.
 * <p>
 * Erasure (DSGVO Art. 17, ADR 2 and 9) destroys the volunteer's key in the command's transaction: every sealed
 * copy of the personal data, in all events and replays, becomes unreadable at once. The volunteer stays as a
 * pseudonymous id with their activities, so counts and hours remain; nothing about them can change any more
 * except that existing activities may still be corrected (without a note) or withdrawn.
 * <p>Why this size: the volunteer and their activities are one consistency boundary (ADR 6); one handler per command and per event. The rules it applies live in {@code VolunteerRules}, {@code ActivityRules} and the permission map.
 */
@Aggregate(cache = CommandSideConfiguration.VOLUNTEER_CACHE)
public class Volunteer {

    @AggregateIdentifier
    private VolunteerId volunteerId;
    private CentreId centreId;
    private boolean active;
    private LocalDate registeredOn;
    /** When consent to data processing was given (not personal data: the time of a form being signed). */
    private Instant consentGivenAt;
    /** The day of the last deactivation, while inactive; what the retention rules count from. */
    private LocalDate inactiveSince;
    private boolean erased;
    private final Map<ActivityId, ActivityState> activities = new HashMap<>();
    /**
     * The personal links that work now, one per channel (issue 18, and 19 for e-mail): a link sent by e-mail replaces
     * only the last e-mailed one, so the paper in the volunteer's hand keeps working. No entry: none or revoked.
     */
    private final Map<LinkChannel, VolunteerLinkId> currentLinks = new EnumMap<>(LinkChannel.class);
    /** The version of the consent to e-mail in force (issue 19); null when none was given, or it was withdrawn or erased. */
    private String emailConsentVersion;
    /** When that consent was given; and when the last one was withdrawn (a consent is never dated before it). */
    private Instant emailConsentGivenAt;
    private Instant emailConsentWithdrawnAt;
    private final Set<CertificateId> certificates = new HashSet<>();

    /**
     * What an activity needs to remember: facts are never changed, only corrected or withdrawn. Day, minutes and
     * category as last corrected, so a confirmation of volunteering totals what the records say (no personal data).
     */
    record ActivityState(boolean withdrawn, LocalDate date, int minutes, ActivityCategory category) {
    }

    protected Volunteer() {
        // for Axon
    }

    @CommandHandler
    public Volunteer(RegisterVolunteerCommand command, MetaData metaData, Clock clock,
                     CentreRegistry centres, EmailRegistry emails, PersonalDataVault vault) {
        Actor actor = Actors.of(metaData);
        Permissions.require(actor, Action.REGISTER_VOLUNTEER, command.centreId());
        LocalDate today = Nrw.today(clock);
        LocalDate registeredOn = command.registeredOn() == null ? today : command.registeredOn();
        VolunteerRules.checkRegisteredOn(registeredOn, today);
        VolunteerRules.checkConsentGiven(command.consent().givenAt(), clock.instant());
        if (command.emailConsent() != null) {
            VolunteerRules.checkConsentGiven(command.emailConsent().givenAt(), clock.instant());
            checkEmailConsentNotBefore(command.emailConsent(), command.consent().givenAt());
        }
        CentreRegistry.CentreFacts centre = centres.requireOpenOn(command.centreId(), today);
        if (registeredOn.isBefore(centre.establishedOn())) {
            throw new RuleViolationException("volunteer.registered-before-centre",
                    "Das Datum der Registrierung liegt vor der Einrichtung des Integrationszentrums ("
                            + Nrw.date(centre.establishedOn()) + ").");
        }
        emails.register(command.volunteerId(), command.centreId(), command.personalData().email());
        apply(new VolunteerRegisteredEvent(command.volunteerId(), command.centreId(),
                vault.seal(command.volunteerId(), command.personalData()),
                SealedConsent.of(command.volunteerId(), command.consent(), vault), registeredOn),
                Actors.metaDataOf(actor));
        if (command.emailConsent() != null) {
            // the same form, the same command: the consent to e-mail follows the registration it belongs to
            apply(new EmailConsentGivenEvent(command.volunteerId(), command.centreId(),
                    SealedConsent.of(command.volunteerId(), command.emailConsent(), vault)), Actors.metaDataOf(actor));
        }
    }

    // ---- consent to e-mail (issue 19, rule 22) ----------------------------------------------------------------------

    /**
     * A coordinator records the consent to e-mail given on paper after the registration, or a new version of it. The
     * same version twice is refused (nothing new to record); a consent is never dated in the future, before the
     * consent to data processing, before the consent in force or before the last withdrawal.
     */
    @CommandHandler
    public void handle(GiveEmailConsentCommand command, MetaData metaData, Clock clock, PersonalDataVault vault) {
        Actor actor = Actors.of(metaData);
        Permissions.require(actor, Action.MANAGE_VOLUNTEER, centreId);
        if (actor.role() != AccountRole.COORDINATOR) {
            // only a person can have been given the signed consent (like the withdrawal of consent, RECORD_CONSENT_WITHDRAWAL)
            throw Action.MANAGE_VOLUNTEER.refusal().exception();
        }
        requireNotErased();
        if (!active) {
            throw new RuleViolationException("volunteer.inactive",
                    "Die Person ist inaktiv; eine Einwilligung in den Kontakt per E-Mail wird erst nach einer Reaktivierung erfasst.");
        }
        ConsentRecord consent = command.consent();
        VolunteerRules.checkConsentGiven(consent.givenAt(), clock.instant());
        if (emailConsentVersion != null && emailConsentVersion.equals(consent.version())) {
            throw new RuleViolationException("email-consent.already-given",
                    "Die Einwilligung in den Kontakt per E-Mail liegt in dieser Version (" + consent.version()
                            + ") bereits vor.");
        }
        checkEmailConsentNotBefore(consent, consentGivenAt);
        if (emailConsentGivenAt != null && consent.givenAt().isBefore(emailConsentGivenAt)) {
            throw new RuleViolationException("email-consent.before-current",
                    "Die neue Einwilligung in den Kontakt per E-Mail liegt vor der geltenden ("
                            + Nrw.date(Nrw.dateOf(emailConsentGivenAt)) + ").");
        }
        if (emailConsentWithdrawnAt != null && consent.givenAt().isBefore(emailConsentWithdrawnAt)) {
            throw new RuleViolationException("email-consent.before-withdrawal",
                    "Die Einwilligung in den Kontakt per E-Mail liegt vor ihrem letzten Widerruf ("
                            + Nrw.date(Nrw.dateOf(emailConsentWithdrawnAt)) + "); bitte die neue Unterschrift erfassen.");
        }
        apply(new EmailConsentGivenEvent(volunteerId, centreId, SealedConsent.of(volunteerId, consent, vault)),
                Actors.metaDataOf(actor));
    }

    /**
     * The volunteer (through their link) or a coordinator stops e-mail. Nothing is erased; the link sent by e-mail
     * ends with it in the same command (it reached the volunteer by the channel they no longer want), the one handed
     * over keeps working. Allowed while inactive: a wish to hear nothing is recorded whenever it is told.
     */
    @CommandHandler
    public void handle(WithdrawEmailConsentCommand command, MetaData metaData, Clock clock) {
        Actor actor = Actors.of(metaData);
        Permissions.require(actor, Action.WITHDRAW_EMAIL_CONSENT, centreId);
        requireThemselfIfVolunteer(actor, Action.WITHDRAW_EMAIL_CONSENT);
        // no consent is in force after an erasure either (it ended with the key): the same answer
        if (emailConsentVersion == null) {
            throw new RuleViolationException("email-consent.none",
                    "Es liegt keine Einwilligung in den Kontakt per E-Mail vor, die widerrufen werden könnte.");
        }
        if (command.withdrawnAt().isAfter(clock.instant())) {
            throw new RuleViolationException("email-consent.withdrawn-at.future",
                    "Der Zeitpunkt des Widerrufs darf nicht in der Zukunft liegen.");
        }
        if (command.withdrawnAt().isBefore(emailConsentGivenAt)) {
            throw new RuleViolationException("email-consent.withdrawn-before-given",
                    "Der Widerruf liegt vor der Einwilligung in den Kontakt per E-Mail ("
                            + Nrw.date(Nrw.dateOf(emailConsentGivenAt)) + ").");
        }
        MetaData recordedBy = Actors.metaDataOf(actor);
        apply(new EmailConsentWithdrawnEvent(volunteerId, centreId, command.withdrawnAt()), recordedBy);
        VolunteerLinkId emailed = currentLinks.get(LinkChannel.EMAIL);
        if (emailed != null) {
            apply(new VolunteerLinkRevokedEvent(volunteerId, centreId, emailed), recordedBy);
        }
    }

    /**
     * The consent to e-mail is part of the consent to data processing (without it there is no address to write to):
     * never signed on an earlier day. Compared by day, since both are often written down with the same form's date.
     */
    private static void checkEmailConsentNotBefore(ConsentRecord emailConsent, Instant dataConsentGivenAt) {
        if (dataConsentGivenAt != null
                && Nrw.dateOf(emailConsent.givenAt()).isBefore(Nrw.dateOf(dataConsentGivenAt))) {
            throw new InvalidInputException("email-consent.givenAt.before-consent",
                    "Die Einwilligung in den Kontakt per E-Mail kann nicht vor der Einwilligung in die Datenverarbeitung ("
                            + Nrw.date(Nrw.dateOf(dataConsentGivenAt)) + ") liegen.");
        }
    }

    @CommandHandler
    public void handle(UpdateVolunteerProfileCommand command, MetaData metaData, EmailRegistry emails,
                       PersonalDataVault vault) {
        Actor actor = Actors.of(metaData);
        Permissions.require(actor, Action.MANAGE_VOLUNTEER, centreId);
        requireNotErased();
        emails.changeAddress(volunteerId, centreId, command.personalData().email(), active);
        apply(new VolunteerProfileUpdatedEvent(volunteerId, centreId, vault.seal(volunteerId, command.personalData())),
                Actors.metaDataOf(actor));
    }

    @CommandHandler
    public void handle(DeactivateVolunteerCommand command, MetaData metaData, Clock clock, EmailRegistry emails,
                       VolunteerRetention retention) {
        Actor actor = Actors.of(metaData);
        Permissions.require(actor, Action.MANAGE_VOLUNTEER, centreId);
        requireNotErased();
        if (!active) {
            throw new RuleViolationException("volunteer.already-inactive", "Die Person ist bereits inaktiv.");
        }
        LocalDate today = Nrw.today(clock);
        emails.release(volunteerId);
        retention.deactivated(volunteerId, centreId, today);
        apply(new VolunteerDeactivatedEvent(volunteerId, centreId, today), Actors.metaDataOf(actor));
    }

    @CommandHandler
    public void handle(ReactivateVolunteerCommand command, MetaData metaData, Clock clock, EmailRegistry emails,
                       VolunteerRetention retention, CentreRegistry centres) {
        Actor actor = Actors.of(metaData);
        Permissions.require(actor, Action.MANAGE_VOLUNTEER, centreId);
        requireNotErased();
        if (active) {
            throw new RuleViolationException("volunteer.already-active", "Die Person ist bereits aktiv.");
        }
        // rule 1: an active volunteer again is a new volunteer of the centre; a closed centre has none (ADR 26)
        centres.requireOpenOn(centreId, Nrw.today(clock));
        emails.reclaim(volunteerId, centreId);
        retention.reactivated(volunteerId);
        apply(new VolunteerReactivatedEvent(volunteerId, centreId, Nrw.today(clock)), Actors.metaDataOf(actor));
    }

    @CommandHandler
    public void handle(LogActivityCommand command, MetaData metaData, Clock clock, GrantRegistry grants,
                       PersonalDataVault vault, CentreRegistry centres) {
        Actor actor = Actors.of(metaData);
        Permissions.require(actor, Action.LOG_ACTIVITY, centreId);
        if (activities.containsKey(command.activityId())) {
            throw new RuleViolationException("activity.duplicate", "Dieser Einsatz ist bereits erfasst.");
        }
        requireActive();
        LocalDate today = Nrw.today(clock);
        // only an established centre has activities: a closed one records no new ones (corrections and
        // withdrawals of what it logged stay possible, a mistake is fixed whenever it is noticed)
        centres.requireOpenOn(centreId, today);
        checkDateAndGrant(command.date(), command.grantId(), today, grants);
        apply(new ActivityLoggedEvent(command.activityId(), volunteerId, centreId, command.date(), command.minutes(),
                command.category(), vault.sealText(volunteerId, command.note()), command.grantId()),
                Actors.metaDataOf(actor));
    }

    @CommandHandler
    public void handle(CorrectActivityCommand command, MetaData metaData, Clock clock, GrantRegistry grants,
                       PersonalDataVault vault) {
        Actor actor = Actors.of(metaData);
        Permissions.require(actor, Action.LOG_ACTIVITY, centreId);
        requireCurrent(command.activityId());
        if (erased) {
            // the figures must stay correctable, but a note can no longer be sealed: the key is gone (see below)
            requireNoNoteAfterErasure(command.note());
        } else {
            requireActive();
        }
        checkDateAndGrant(command.date(), command.grantId(), Nrw.today(clock), grants);
        // the whole corrected activity: the logged fact stays as it was
        apply(new ActivityCorrectedEvent(command.activityId(), volunteerId, centreId, command.date(), command.minutes(),
                command.category(), vault.sealText(volunteerId, command.note()), command.grantId(),
                sealReason(command.reason(), vault), null),
                Actors.metaDataOf(actor));
    }

    @CommandHandler
    public void handle(WithdrawActivityCommand command, MetaData metaData, PersonalDataVault vault) {
        Actor actor = Actors.of(metaData);
        Permissions.require(actor, Action.LOG_ACTIVITY, centreId);
        requireCurrent(command.activityId());
        // allowed while inactive: a mistake is withdrawn whenever it is noticed
        apply(new ActivityWithdrawnEvent(command.activityId(), volunteerId, centreId, sealReason(command.reason(), vault), null),
                Actors.metaDataOf(actor));
    }

    // ---- coordination (issue 18): availability, the personal link, the confirmation of volunteering --------------

    /** The volunteer through their own link, or a coordinator of the centre; sealed in its canonical form. */
    @CommandHandler
    public void handle(UpdateAvailabilityCommand command, MetaData metaData, PersonalDataVault vault) {
        Actor actor = Actors.of(metaData);
        Permissions.require(actor, Action.UPDATE_AVAILABILITY, centreId);
        requireThemselfIfVolunteer(actor, Action.UPDATE_AVAILABILITY);
        requireNotErased();
        apply(new VolunteerAvailabilityUpdatedEvent(volunteerId, centreId,
                vault.sealText(volunteerId, command.availability().canonical())), Actors.metaDataOf(actor));
    }

    /**
     * A new personal link replaces the earlier one of its channel; only an active volunteer whose data is kept gets
     * one. A link for e-mail needs the consent to e-mail in force and is issued only by the platform, which sends
     * it; a coordinator hands over the other kind (a token a coordinator saw and printed must not end with the next
     * e-mail or a withdrawal of the consent to e-mail).
     */
    @CommandHandler
    public void handle(IssueVolunteerLinkCommand command, MetaData metaData, Clock clock) {
        Actor actor = Actors.of(metaData);
        Permissions.require(actor, Action.MANAGE_VOLUNTEER_LINKS, centreId);
        if ((actor.role() == AccountRole.SYSTEM) != (command.channel() == LinkChannel.EMAIL)) {
            // a handed-over link is shown once to the coordinator who hands it over: the platform has nobody to show it
            // to; an e-mailed one is drawn and sent by the platform, never seen by a person
            throw Action.MANAGE_VOLUNTEER_LINKS.refusal().exception();
        }
        requireNotErased();
        if (!active) {
            throw new RuleViolationException("volunteer.inactive",
                    "Die Person ist inaktiv; ein persönlicher Link wird erst nach einer Reaktivierung ausgestellt.");
        }
        if (!command.expiresOn().isAfter(Nrw.today(clock))) {
            throw new InvalidInputException("link.expires-on.past", "Der Link muss über den heutigen Tag hinaus gelten.");
        }
        if (currentLinks.containsValue(command.linkId())) {
            throw new RuleViolationException("link.duplicate", "Dieser Link wurde bereits ausgestellt.");
        }
        if (command.channel() == LinkChannel.EMAIL && emailConsentVersion == null) {
            throw new RuleViolationException("link.email.no-consent",
                    "Die Person hat nicht in den Kontakt per E-Mail eingewilligt; ein Link wird ihr nicht per E-Mail geschickt.");
        }
        apply(new VolunteerLinkIssuedEvent(volunteerId, centreId, command.linkId(), command.tokenHash(),
                command.expiresOn(), command.channel()), Actors.metaDataOf(actor));
    }

    @CommandHandler
    public void handle(RevokeVolunteerLinkCommand command, MetaData metaData) {
        Actor actor = Actors.of(metaData);
        Permissions.require(actor, Action.MANAGE_VOLUNTEER_LINKS, centreId);
        if (actor.role() == AccountRole.SYSTEM) {
            // the platform ends only the e-mailed link, with the consent's withdrawal; the paper one is the coordinator's
            throw Action.MANAGE_VOLUNTEER_LINKS.refusal().exception();
        }
        if (currentLinks.isEmpty()) {
            throw new RuleViolationException("link.none", "Diese Person hat keinen persönlichen Link, der widerrufen werden könnte.");
        }
        // a revocation ends every link that works (handed over and e-mailed): one fact per link, in the channels' order
        MetaData recordedBy = Actors.metaDataOf(actor);
        for (VolunteerLinkId link : List.copyOf(currentLinks.values())) {
            apply(new VolunteerLinkRevokedEvent(volunteerId, centreId, link), recordedBy);
        }
    }

    /**
     * A confirmation of volunteering (Ehrenamtsnachweis) with the totals this aggregate keeps: minutes per year and
     * category of the activities as last corrected, withdrawn ones not counted, so it says what the records say.
     */
    @CommandHandler
    public void handle(IssueCertificateCommand command, MetaData metaData, Clock clock) {
        Actor actor = Actors.of(metaData);
        Permissions.require(actor, Action.ISSUE_CERTIFICATE, centreId);
        requireThemselfIfVolunteer(actor, Action.ISSUE_CERTIFICATE);
        requireNotErased();
        if (certificates.contains(command.certificateId())) {
            throw new RuleViolationException("certificate.duplicate", "Dieser Nachweis wurde bereits ausgestellt.");
        }
        Map<Integer, Map<ActivityCategory, Long>> totals = new TreeMap<>();
        for (ActivityState activity : activities.values()) {
            if (!activity.withdrawn()) {
                totals.computeIfAbsent(activity.date().getYear(), y -> new EnumMap<>(ActivityCategory.class))
                        .merge(activity.category(), (long) activity.minutes(), Long::sum);
            }
        }
        if (totals.isEmpty()) {
            throw new RuleViolationException("certificate.no-activities",
                    "Für diese Person sind noch keine Einsätze erfasst; ein Nachweis wäre leer.");
        }
        List<CertificateLine> lines = new ArrayList<>();
        totals.forEach((year, byCategory) -> byCategory.forEach((category, minutes) ->
                lines.add(new CertificateLine(year, category, minutes))));
        apply(new CertificateIssuedEvent(volunteerId, centreId, command.certificateId(), Nrw.today(clock), List.copyOf(lines)),
                Actors.metaDataOf(actor));
    }

    /** A volunteer acting through their link acts only for themself. */
    private void requireThemselfIfVolunteer(Actor actor, Action action) {
        if (actor.role() == AccountRole.VOLUNTEER && !actor.actsAsVolunteer(volunteerId.value())) {
            throw action.refusal().exception();
        }
    }

    /**
     * Erasure on request (or by the platform): a coordinator of the volunteer's centre, an administrator, or the
     * system. Deactivates first if still active, then destroys the key, forgets the e-mail fingerprint and
     * records the erasure, all in this command's transaction.
     */
    @CommandHandler
    public void handle(EraseVolunteerDataCommand command, MetaData metaData, Clock clock, PersonalDataVault vault,
                       EmailRegistry emails, VolunteerRetention retention, LegacyPlainTexts legacyTexts) {
        Actor actor = Actors.of(metaData);
        Permissions.require(actor, Action.ERASE_VOLUNTEER_DATA, centreId);
        if (erased) {
            throw new RuleViolationException("volunteer.already-erased", "Die Daten dieser Person wurden bereits gelöscht.");
        }
        erase(actor, command.reason(), Nrw.today(clock), vault, emails, retention, legacyTexts);
    }

    /**
     * The volunteer withdrew consent (recorded by a coordinator of the centre): the withdrawal is recorded and the
     * erasure follows in the same command, since without consent there is no basis to keep the data.
     */
    @CommandHandler
    public void handle(WithdrawConsentCommand command, MetaData metaData, Clock clock, PersonalDataVault vault,
                       EmailRegistry emails, VolunteerRetention retention, LegacyPlainTexts legacyTexts) {
        Actor actor = Actors.of(metaData);
        Permissions.require(actor, Action.RECORD_CONSENT_WITHDRAWAL, centreId);
        requireNotErased();
        if (command.withdrawnAt().isAfter(clock.instant())) {
            throw new RuleViolationException("consent.withdrawn-at.future",
                    "Der Zeitpunkt des Widerrufs darf nicht in der Zukunft liegen.");
        }
        if (consentGivenAt != null && command.withdrawnAt().isBefore(consentGivenAt)) {
            throw new RuleViolationException("consent.withdrawn-before-given",
                    "Der Widerruf liegt vor der Einwilligung (" + Nrw.date(LocalDate.ofInstant(consentGivenAt, Nrw.ZONE)) + ").");
        }
        apply(new ConsentWithdrawnEvent(volunteerId, centreId, command.withdrawnAt()), Actors.metaDataOf(actor));
        erase(actor, ErasureReason.CONSENT_WITHDRAWN, Nrw.today(clock), vault, emails, retention, legacyTexts);
    }

    /**
     * A retention run asks (through {@code RetentionErasure}, in the run's transaction): erase if still due, that is
     * not erased, inactive, and inactive since {@code cutoff} or earlier, judged by this aggregate's own state.
     *
     * @return whether the volunteer was erased
     */
    public boolean eraseIfDue(Actor actor, LocalDate cutoff, LocalDate today, PersonalDataVault vault, EmailRegistry emails,
                              VolunteerRetention retention, LegacyPlainTexts legacyTexts) {
        if (erased || active || inactiveSince == null || inactiveSince.isAfter(cutoff)) {
            return false;
        }
        erase(actor, ErasureReason.RETENTION, today, vault, emails, retention, legacyTexts);
        return true;
    }

    private void erase(Actor actor, ErasureReason reason, LocalDate today, PersonalDataVault vault, EmailRegistry emails,
                       VolunteerRetention retention, LegacyPlainTexts legacyTexts) {
        MetaData recordedBy = Actors.metaDataOf(actor);
        if (active) {
            // an erased person is no longer active: said as the plain fact every count of active volunteers knows
            apply(new VolunteerDeactivatedEvent(volunteerId, centreId, today), recordedBy);
        }
        vault.shred(volunteerId);
        emails.forget(volunteerId);
        retention.erased(volunteerId);
        // the plain texts older releases stored in this volunteer's events: rewritten in place, and said so (ADR 21)
        List<String> redacted = legacyTexts.redact(volunteerId);
        if (!redacted.isEmpty()) {
            apply(new LegacyTextsRedactedEvent(volunteerId, centreId, redacted, today), recordedBy);
        }
        apply(new VolunteerDataErasedEvent(volunteerId, centreId, reason, today), recordedBy);
    }

    private void requireNotErased() {
        if (erased) {
            throw new RuleViolationException("volunteer.erased",
                    "Die Daten dieser Person wurden gelöscht; sie kann nicht mehr geändert werden.");
        }
    }

    /**
     * A note is sealed under the volunteer's key, which erasure destroyed: the vault refuses to seal for a
     * destroyed key (it would otherwise have to create a new key for an erased person, or store the note in plain
     * text). So a correction after erasure carries no note; one that brings a note is refused, not silently cut.
     */
    private static void requireNoNoteAfterErasure(String note) {
        if (note != null) {
            throw new RuleViolationException("activity.note.volunteer-erased",
                    "Die Daten der Person wurden gelöscht; eine Korrektur ist nur noch ohne Notiz möglich.");
        }
    }

    /**
     * A reason is sealed under the volunteer's key like a note. After the erasure that key is gone: the correction
     * or withdrawal is still recorded (the figures must stay right, ADR 9), but without its reason, which could
     * only be kept in plain text and so beyond any erasure (ADR 21).
     */
    private SealedText sealReason(String reason, PersonalDataVault vault) {
        return erased ? null : vault.sealText(volunteerId, reason);
    }

    private void requireActive() {
        if (erased) {
            throw new RuleViolationException("activity.volunteer-inactive",
                    "Die Daten der Person wurden gelöscht; es können keine neuen Einsätze mehr erfasst werden.");
        }
        if (!active) {
            throw new RuleViolationException("activity.volunteer-inactive",
                    "Die Person ist inaktiv; Einsätze können erst nach einer Reaktivierung erfasst oder korrigiert werden.");
        }
    }

    private void requireCurrent(ActivityId activityId) {
        ActivityState state = activities.get(activityId);
        if (state == null) {
            throw new NotFoundException("activity.unknown", "Diesen Einsatz gibt es bei dieser Person nicht.");
        }
        if (state.withdrawn()) {
            throw new RuleViolationException("activity.withdrawn", "Dieser Einsatz wurde bereits zurückgenommen.");
        }
    }

    private void checkDateAndGrant(LocalDate date, GrantId grantId, LocalDate today, GrantRegistry grants) {
        ActivityRules.checkDate(date, today, registeredOn);
        if (grantId == null) {
            return;
        }
        GrantFacts grant = grants.requireApprovedOf(grantId, centreId, "activity");
        if (!FundingYear.contains(grant.fundingYear(), date)) {
            throw new RuleViolationException("activity.grant.other-year",
                    "Der Einsatz liegt nicht im Förderjahr " + grant.fundingYear() + " der angegebenen Zuwendung.");
        }
    }

    @EventSourcingHandler
    void on(VolunteerRegisteredEvent event) {
        volunteerId = event.volunteerId();
        centreId = event.centreId();
        registeredOn = event.registeredOn();
        consentGivenAt = event.consent() == null ? null : event.consent().givenAt();
        active = true;
    }

    @EventSourcingHandler
    void on(VolunteerDeactivatedEvent event) {
        active = false;
        inactiveSince = event.deactivatedOn();
    }

    @EventSourcingHandler
    void on(VolunteerReactivatedEvent event) {
        active = true;
        inactiveSince = null;
    }

    @EventSourcingHandler
    void on(VolunteerDataErasedEvent event) {
        erased = true;
        // the consent's document is sealed under the destroyed key: nobody is left to write to
        emailConsentVersion = null;
        emailConsentGivenAt = null;
    }

    @EventSourcingHandler
    void on(EmailConsentGivenEvent event) {
        emailConsentVersion = event.consent().version();
        emailConsentGivenAt = event.consent().givenAt();
    }

    @EventSourcingHandler
    void on(EmailConsentWithdrawnEvent event) {
        emailConsentVersion = null;
        emailConsentGivenAt = null;
        emailConsentWithdrawnAt = event.withdrawnAt();
    }

    @EventSourcingHandler
    void on(ActivityLoggedEvent event) {
        activities.put(event.activityId(), new ActivityState(false, event.date(), event.minutes(), event.category()));
    }

    @EventSourcingHandler
    void on(ActivityCorrectedEvent event) {
        activities.computeIfPresent(event.activityId(),
                (id, a) -> new ActivityState(a.withdrawn(), event.date(), event.minutes(), event.category()));
    }

    @EventSourcingHandler
    void on(ActivityWithdrawnEvent event) {
        activities.computeIfPresent(event.activityId(), (id, a) -> new ActivityState(true, a.date(), a.minutes(), a.category()));
    }

    @EventSourcingHandler
    void on(VolunteerLinkIssuedEvent event) {
        currentLinks.put(event.channel(), event.linkId());
    }

    @EventSourcingHandler
    void on(VolunteerLinkRevokedEvent event) {
        currentLinks.values().remove(event.linkId());
    }

    @EventSourcingHandler
    void on(CertificateIssuedEvent event) {
        certificates.add(event.certificateId());
    }
}
