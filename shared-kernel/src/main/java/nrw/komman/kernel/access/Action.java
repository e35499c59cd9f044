package nrw.komman.kernel.access;

import nrw.komman.kernel.common.AccountRole;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static nrw.komman.kernel.common.AccountRole.ADMINISTRATOR;
import static nrw.komman.kernel.common.AccountRole.AUDITOR;
import static nrw.komman.kernel.common.AccountRole.COORDINATOR;
import static nrw.komman.kernel.common.AccountRole.GRANT_OFFICER;
import static nrw.komman.kernel.common.AccountRole.MINISTRY;
import static nrw.komman.kernel.common.AccountRole.SYSTEM;
import static nrw.komman.kernel.common.AccountRole.VOLUNTEER;
import static nrw.komman.kernel.access.Action.Data.NO_PERSONAL_DATA;
import static nrw.komman.kernel.access.Action.Data.PERSONAL_DATA;
import static nrw.komman.kernel.access.Action.Effect.CHANGES;
import static nrw.komman.kernel.access.Action.Effect.READS;

/**
 * The permission map (docs/domain.md, "Who uses it" and data minimisation; ADR 18): every action a role may take, with
 * how far it reaches ({@link Scope}), whether it changes anything and whether it touches a volunteer's personal data,
 * and what a refused actor is told. {@link AccountRole#SYSTEM} is the platform itself (reference centres on start,
 * erasures of a retention run); it has no account, so the web's rules never grant it anything.
 *
 * <p>Not here: rules that depend on a fact's state, such as the four-eyes rule of an approval or a grant's status;
 * they stay with the aggregate that knows the state.
 * <p>Why this size: one constant per action of the platform with its reach per role and its refusal, so that the
 * whole permission map is read in one place (ADR 18).
 */
public enum Action {

    // ---- centres -------------------------------------------------------------------------------------------------

    /** The register of centres is public reference data: every role reads every centre. */
    READ_CENTRES(READS, NO_PERSONAL_DATA,
            refusal("centre.forbidden", "Ihre Rolle berechtigt nicht zur Einsicht in Integrationszentren."), null,
            anyCentre(COORDINATOR, GRANT_OFFICER, MINISTRY, AUDITOR, ADMINISTRATOR, SYSTEM)),
    ESTABLISH_CENTRE(CHANGES, NO_PERSONAL_DATA,
            refusal("centre.establish.forbidden", "Nur das Ministerium richtet Integrationszentren ein."), null,
            anyCentre(MINISTRY, SYSTEM)),
    /** Propose to close a centre, or withdraw the proposal; nothing closes before {@link #CONFIRM_CENTRE_CLOSURE} (ADR 26). */
    CLOSE_CENTRE(CHANGES, NO_PERSONAL_DATA,
            refusal("centre.close.forbidden", "Nur das Ministerium schließt Integrationszentren."), null,
            anyCentre(MINISTRY)),
    /** Confirm another account's proposal to close a centre: that account itself may not (the aggregate checks it). */
    CONFIRM_CENTRE_CLOSURE(CHANGES, NO_PERSONAL_DATA,
            refusal("centre.close.forbidden", "Nur das Ministerium bestätigt die Schließung eines Integrationszentrums."),
            null, anyCentre(MINISTRY)),

    // ---- volunteers and their activities: the coordinators of the volunteer's centre -------------------------------

    REGISTER_VOLUNTEER(CHANGES, PERSONAL_DATA, Says.MANAGE_VOLUNTEERS, null, ownCentre(COORDINATOR), anyCentre(SYSTEM)),
    /** Profile, deactivation, reactivation. */
    MANAGE_VOLUNTEER(CHANGES, PERSONAL_DATA, Says.MANAGE_VOLUNTEERS, null, ownCentre(COORDINATOR), anyCentre(SYSTEM)),
    /** Log, correct and withdraw an activity. */
    LOG_ACTIVITY(CHANGES, PERSONAL_DATA, Says.MANAGE_VOLUNTEERS, null, ownCentre(COORDINATOR), anyCentre(SYSTEM)),
    /** The volunteer told their coordinator; only a person of the centre can have heard it, not the platform. */
    RECORD_CONSENT_WITHDRAWAL(CHANGES, PERSONAL_DATA,
            refusal("volunteer.forbidden",
                    "Nur Koordinatorinnen und Koordinatoren des Integrationszentrums erfassen den Widerruf einer Einwilligung."),
            null, ownCentre(COORDINATOR)),
    /** Volunteers' names, contact data, notes, activities and the centre's dashboard. */
    READ_PERSONAL_DATA(READS, PERSONAL_DATA,
            refusal("personal-data.forbidden",
                    "Angaben zu Ehrenamtlichen und ihren Einsätzen sehen nur die Koordinator*innen ihres Integrationszentrums."),
            Says.FOREIGN_CENTRE_DATA, ownCentre(COORDINATOR)),

    /**
     * The roster and the activity log as files (CSV, XLSX): copies of many people's personal data leaving the
     * platform, so an action of its own; the centre's coordinators only, each download logged.
     */
    EXPORT_CENTRE_LISTS(READS, PERSONAL_DATA,
            refusal("export.lists.forbidden",
                    "Listen von Ehrenamtlichen und Einsätzen laden nur die Koordinator*innen ihres Integrationszentrums herunter."),
            Says.FOREIGN_CENTRE_DATA, ownCentre(COORDINATOR)),

    // ---- coordination (issue 18): requests for help and assignments of the centre; the volunteer through their link

    /**
     * Open, cancel, close a request; ask, offer, cancel, replace an assignment; record that it took place or that
     * nobody came; confirm or decline on the volunteer's behalf (they told the coordinator).
     */
    MANAGE_HELP_REQUESTS(CHANGES, PERSONAL_DATA,
            refusal("help-request.forbidden",
                    "Nur Koordinatorinnen und Koordinatoren des Integrationszentrums bearbeiten dessen Einsatzanfragen."),
            null, ownCentre(COORDINATOR), anyCentre(SYSTEM)),
    /** The centre's board, a request with its requester, the matching, the centre's calendar. */
    READ_HELP_REQUESTS(READS, PERSONAL_DATA,
            refusal("help-request.read.forbidden",
                    "Einsatzanfragen sehen nur die Koordinator*innen ihres Integrationszentrums."),
            Says.FOREIGN_CENTRE_DATA, ownCentre(COORDINATOR)),
    /** Confirm or decline one's own assignment through one's link (the aggregate checks it is one's own). */
    RESPOND_TO_ASSIGNMENT(CHANGES, PERSONAL_DATA,
            refusal("assignment.respond.forbidden",
                    "Einen Einsatz sagt nur die angefragte Person zu oder ab, oder die Koordination ihres Zentrums."),
            null, ownCentre(COORDINATOR, VOLUNTEER)),
    /** When a volunteer is usually free and away: the volunteer through their link, or their coordinators. */
    UPDATE_AVAILABILITY(CHANGES, PERSONAL_DATA, Says.MANAGE_VOLUNTEERS, null, ownCentre(COORDINATOR, VOLUNTEER)),
    /** Stop e-mail to a volunteer: the volunteer through their link, or their coordinators (giving it is MANAGE_VOLUNTEER). */
    WITHDRAW_EMAIL_CONSENT(CHANGES, PERSONAL_DATA, Says.MANAGE_VOLUNTEERS, null, ownCentre(COORDINATOR, VOLUNTEER)),
    /** Issue or revoke a volunteer's personal link; the platform issues the links it sends by e-mail. */
    MANAGE_VOLUNTEER_LINKS(CHANGES, PERSONAL_DATA, Says.MANAGE_VOLUNTEERS, null, ownCentre(COORDINATOR), anyCentre(SYSTEM)),
    /** Resolve a personal link's token to its volunteer: the token is the credential. */
    OPEN_PERSONAL_LINK(READS, NO_PERSONAL_DATA,
            refusal("link.forbidden", "Persönliche Links öffnen nur die Ehrenamtlichen, denen sie gehören."), null,
            anyCentre(VOLUNTEER)),
    /** One's own page, calendar and hours through one's link (the query checks it is one's own). */
    READ_OWN_VOLUNTEER_PAGE(READS, PERSONAL_DATA,
            refusal("link.forbidden", "Persönliche Links öffnen nur die Ehrenamtlichen, denen sie gehören."), null,
            ownCentre(VOLUNTEER)),
    /** A confirmation of volunteering (Ehrenamtsnachweis): the volunteer through their link, or their coordinators. */
    ISSUE_CERTIFICATE(CHANGES, PERSONAL_DATA, Says.MANAGE_VOLUNTEERS, null, ownCentre(COORDINATOR, VOLUNTEER)),
    /** Whoever holds a certificate's number may check it: it is what the number is printed for. */
    VERIFY_CERTIFICATE(READS, PERSONAL_DATA,
            refusal("certificate.forbidden", "Die Nummer des Nachweises konnte nicht geprüft werden."), null,
            anyCentre(VOLUNTEER)),

    // ---- the volunteer's rights (Art. 15, 17 DSGVO): administrators answer requests that reach the operators -------

    ERASE_VOLUNTEER_DATA(CHANGES, PERSONAL_DATA,
            refusal("volunteer.erase.forbidden",
                    "Nur Koordinatorinnen und Koordinatoren des Integrationszentrums oder die Administration löschen "
                            + "die Daten von Ehrenamtlichen."),
            null, ownCentre(COORDINATOR), anyCentre(ADMINISTRATOR, SYSTEM)),
    EXPORT_VOLUNTEER_DATA(READS, PERSONAL_DATA,
            refusal("export.forbidden",
                    "Die Auskunft über gespeicherte Daten erhalten nur die Koordinator*innen des Integrationszentrums "
                            + "und die Administration."),
            Says.FOREIGN_CENTRE_DATA, ownCentre(COORDINATOR), anyCentre(ADMINISTRATOR)),
    /**
     * A retention run erases whoever is due: personal data, though nobody sees it. The platform runs it on its
     * schedule (ADR 39) as an administrator does by hand.
     */
    RUN_RETENTION(CHANGES, PERSONAL_DATA,
            refusal("retention.forbidden", "Nur die Administration führt die Löschfristen aus."), null,
            anyCentre(ADMINISTRATOR, SYSTEM)),
    /** The retention rules' dry run lists ids and dates, no personal data. */
    VIEW_RETENTION_PLAN(READS, NO_PERSONAL_DATA,
            refusal("retention.forbidden", "Die Löschfristen sieht und führt nur die Administration aus."), null,
            anyCentre(ADMINISTRATOR)),

    // ---- grants: the centre applies, the grant authority reviews and pays, the ministry decides --------------------

    APPLY_FOR_GRANT(CHANGES, NO_PERSONAL_DATA,
            refusal("grant.apply.forbidden",
                    "Nur Koordinatorinnen und Koordinatoren des Integrationszentrums beantragen Zuwendungen für dieses Zentrum."),
            null, ownCentre(COORDINATOR), anyCentre(SYSTEM)),
    WITHDRAW_GRANT_APPLICATION(CHANGES, NO_PERSONAL_DATA,
            refusal("grant.withdraw.forbidden",
                    "Nur Koordinatorinnen und Koordinatoren des antragstellenden Zentrums ziehen den Antrag zurück."),
            null, ownCentre(COORDINATOR), anyCentre(SYSTEM)),
    REQUEST_FUNDS(CHANGES, NO_PERSONAL_DATA,
            refusal("grant.request-funds.forbidden", "Nur Koordinatorinnen und Koordinatoren des Zentrums rufen Mittel ab."),
            null, ownCentre(COORDINATOR), anyCentre(SYSTEM)),
    SUBMIT_USAGE_REPORT(CHANGES, NO_PERSONAL_DATA,
            refusal("grant.usage-report.forbidden",
                    "Nur Koordinatorinnen und Koordinatoren des Zentrums reichen den Verwendungsnachweis ein."),
            null, ownCentre(COORDINATOR), anyCentre(SYSTEM)),
    REVIEW_GRANT(CHANGES, NO_PERSONAL_DATA,
            refusal("grant.review.forbidden", "Nur die Bewilligungsbehörde (Bezirksregierung) prüft Anträge."), null,
            anyCentre(GRANT_OFFICER)),
    APPROVE_GRANT(CHANGES, NO_PERSONAL_DATA, Says.DECIDE, null, anyCentre(MINISTRY)),
    REJECT_GRANT(CHANGES, NO_PERSONAL_DATA, Says.DECIDE, null, anyCentre(MINISTRY)),
    /** Lower the approved amount, propose a raise, or withdraw a pending raise. */
    AMEND_GRANT(CHANGES, NO_PERSONAL_DATA,
            refusal("grant.amend.forbidden", "Nur das Ministerium erlässt Änderungsbescheide."), null,
            anyCentre(MINISTRY)),
    /** Approve another account's raise: four eyes as for an approval, checked by the aggregate (ADR 26). */
    APPROVE_GRANT_RAISE(CHANGES, NO_PERSONAL_DATA,
            refusal("grant.amend.forbidden", "Nur das Ministerium bestätigt die Erhöhung eines bewilligten Betrags."),
            null, anyCentre(MINISTRY)),
    DISBURSE_TRANCHE(CHANGES, NO_PERSONAL_DATA,
            refusal("grant.disburse.forbidden", "Nur die Bewilligungsbehörde (Bezirksregierung) zahlt Mittel aus."), null,
            anyCentre(GRANT_OFFICER)),
    /** Checking the usage report closes the grant. */
    CLOSE_GRANT(CHANGES, NO_PERSONAL_DATA,
            refusal("grant.close.forbidden", "Nur die Bewilligungsbehörde (Bezirksregierung) prüft Verwendungsnachweise."),
            null, anyCentre(GRANT_OFFICER)),
    RECORD_REPAYMENT(CHANGES, NO_PERSONAL_DATA,
            refusal("grant.repayment.forbidden", "Nur die Bewilligungsbehörde (Bezirksregierung) erfasst Rückzahlungen."),
            null, anyCentre(GRANT_OFFICER)),
    // issue 19: the dates that matter
    /** Set the dates of a programme part (usage report due, reminder, review and decision within). */
    SET_PROGRAMME_DATES(CHANGES, NO_PERSONAL_DATA,
            refusal("programme-dates.forbidden", "Nur das Ministerium legt die Fristen eines Programmteils fest."), null,
            anyCentre(MINISTRY)),
    /** Move a grant's usage report due date (Fristverlängerung). */
    EXTEND_USAGE_REPORT_DUE(CHANGES, NO_PERSONAL_DATA,
            refusal("grant.extend-due.forbidden",
                    "Nur die Bewilligungsbehörde (Bezirksregierung) verlängert die Frist für den Verwendungsnachweis."),
            null, anyCentre(GRANT_OFFICER)),
    /** Report a tranche's money as spent. */
    REPORT_TRANCHE_SPENT(CHANGES, NO_PERSONAL_DATA,
            refusal("grant.tranche-spent.forbidden",
                    "Nur Koordinatorinnen und Koordinatoren des Zentrums melden ausgezahlte Mittel als verausgabt."),
            null, ownCentre(COORDINATOR), anyCentre(SYSTEM)),
    /** Record a date that has passed, or schedule the dates of a grant recorded before they existed: the platform only. */
    RECORD_GRANT_DATES(CHANGES, NO_PERSONAL_DATA,
            refusal("grant.dates.forbidden", "Fristen hält die Plattform selbst fest."), null,
            anyCentre(SYSTEM)),
    /** Grants, their histories and audit chains, as pages, data and downloads. */
    READ_GRANTS(READS, NO_PERSONAL_DATA,
            refusal("grant.forbidden", "Ihre Rolle berechtigt nicht zur Einsicht in Zuwendungen."),
            refusal("grant.foreign-centre", "Sie können nur die Zuwendungen Ihres eigenen Integrationszentrums einsehen."),
            ownCentre(COORDINATOR), anyCentre(GRANT_OFFICER, MINISTRY, AUDITOR)),

    // ---- budgets, figures and reports: counts and money, never names ----------------------------------------------

    SET_BUDGET(CHANGES, NO_PERSONAL_DATA,
            refusal("budget.set.forbidden", "Nur das Ministerium legt Budgets fest."), null,
            anyCentre(MINISTRY)),
    /** Budgets and their use; not the centres. */
    READ_BUDGETS(READS, NO_PERSONAL_DATA,
            refusal("budget.forbidden", "Die Budgetübersicht sehen nur Ministerium, Bewilligungsbehörde und Prüfung."), null,
            anyCentre(MINISTRY, GRANT_OFFICER, AUDITOR)),
    /** The state-wide figures per centre, Regierungsbezirk and state. */
    READ_STATE_FIGURES(READS, NO_PERSONAL_DATA,
            refusal("overview.forbidden", "Die landesweite Übersicht sehen nur Ministerium, Bewilligungsbehörde und Prüfung."),
            null, anyCentre(MINISTRY, GRANT_OFFICER, AUDITOR)),
    /** The annual report: a coordinator their own centre's, the others the state's or any centre's. */
    READ_REPORTS(READS, NO_PERSONAL_DATA,
            refusal("report.forbidden", "Ihre Rolle berechtigt nicht zum Abruf von Berichten."), Says.FOREIGN_CENTRE_DATA,
            ownCentre(COORDINATOR), anyCentre(GRANT_OFFICER, MINISTRY, AUDITOR, ADMINISTRATOR)),

    // ---- operations ------------------------------------------------------------------------------------------------

    MANAGE_ACCOUNTS(CHANGES, NO_PERSONAL_DATA,
            refusal("accounts.forbidden", "Konten verwaltet nur die Administration."), null,
            anyCentre(ADMINISTRATOR)),
    MANAGE_READ_MODELS(CHANGES, NO_PERSONAL_DATA,
            refusal("readmodels.forbidden", "Nur die Administration darf Lesemodelle verwalten."), null,
            anyCentre(ADMINISTRATOR)),
    /** One's own notices (Benachrichtigungen): the inbox, marking as read, the e-mail preferences (issue 19). */
    READ_OWN_NOTICES(READS, NO_PERSONAL_DATA,
            refusal("notices.forbidden", "Benachrichtigungen gibt es nur für angemeldete Konten."), null,
            anyCentre(COORDINATOR, GRANT_OFFICER, MINISTRY, AUDITOR, ADMINISTRATOR)),
    /** Notices whose e-mail could not be delivered, and retrying them. */
    MONITOR_NOTICE_DELIVERY(READS, NO_PERSONAL_DATA,
            refusal("notices.delivery.forbidden", "Zustellfehler von Benachrichtigungen sieht nur die Administration."), null,
            anyCentre(ADMINISTRATOR)),
    /** The actuator's metrics and details beyond health. */
    MONITOR_OPERATIONS(READS, NO_PERSONAL_DATA,
            refusal("operations.forbidden", "Die Betriebsdaten sieht nur die Administration."), null,
            anyCentre(ADMINISTRATOR));

    /** Whether an action records a new fact (or changes an account, a read model) or only reads. */
    public enum Effect { READS, CHANGES }

    /** Whether an action shows or changes a volunteer's personal data (name, contact, notes, activities). */
    public enum Data { PERSONAL_DATA, NO_PERSONAL_DATA }

    private final Effect effect;
    private final Data data;
    private final PermissionRefusal refusal;
    private final PermissionRefusal foreignCentreRefusal;
    private final Map<AccountRole, Scope> scopes;

    Action(Effect effect, Data data, PermissionRefusal refusal, PermissionRefusal foreignCentreRefusal, Reach... reaches) {
        this.effect = effect;
        this.data = data;
        this.refusal = refusal;
        // the aggregates tell a coordinator of another centre the same as any other refused actor
        this.foreignCentreRefusal = foreignCentreRefusal == null ? refusal : foreignCentreRefusal;
        Map<AccountRole, Scope> map = new EnumMap<>(AccountRole.class);
        for (Reach reach : reaches) {
            for (AccountRole role : reach.roles) {
                if (map.put(role, reach.scope) != null) {
                    throw new IllegalStateException(name() + " declares " + role + " twice");
                }
            }
        }
        this.scopes = Collections.unmodifiableMap(map);
    }

    public boolean changes() {
        return effect == CHANGES;
    }

    public boolean touchesPersonalData() {
        return data == PERSONAL_DATA;
    }

    /** How far the role reaches with this action; null when it may not take it at all. */
    public Scope scopeFor(AccountRole role) {
        return role == null ? null : scopes.get(role);
    }

    public boolean allows(AccountRole role) {
        return scopeFor(role) != null;
    }

    /** Every role that may take this action, {@link AccountRole#SYSTEM} included. */
    public Set<AccountRole> roles() {
        return scopes.isEmpty() ? EnumSet.noneOf(AccountRole.class) : EnumSet.copyOf(scopes.keySet());
    }

    /** The roles that may take this action with the given reach. */
    public Set<AccountRole> rolesReaching(Scope scope) {
        Set<AccountRole> roles = EnumSet.noneOf(AccountRole.class);
        scopes.forEach((role, s) -> {
            if (s == scope) {
                roles.add(role);
            }
        });
        return roles;
    }

    /** What an actor whose role may not take the action is told. */
    public PermissionRefusal refusal() {
        return refusal;
    }

    /** What an actor is told whose role may take the action, but not on this centre's data. */
    public PermissionRefusal foreignCentreRefusal() {
        return foreignCentreRefusal;
    }

    private static PermissionRefusal refusal(String code, String message) {
        return new PermissionRefusal(code, message);
    }

    private static Reach ownCentre(AccountRole... roles) {
        return new Reach(Scope.OWN_CENTRE, roles);
    }

    private static Reach anyCentre(AccountRole... roles) {
        return new Reach(Scope.ANY_CENTRE, roles);
    }

    private record Reach(Scope scope, AccountRole... roles) {
    }

    /** Sentences shared by several actions (a nested class: the enum's own constants are not yet there). */
    private static final class Says {
        static final PermissionRefusal MANAGE_VOLUNTEERS = new PermissionRefusal("volunteer.forbidden",
                "Nur Koordinatorinnen und Koordinatoren des Integrationszentrums verwalten dessen Ehrenamtliche.");
        static final PermissionRefusal DECIDE = new PermissionRefusal("grant.decision.forbidden", "Nur das Ministerium entscheidet über Zuwendungen.");
        static final PermissionRefusal FOREIGN_CENTRE_DATA = new PermissionRefusal("centre.foreign",
                "Sie können nur die Daten Ihres eigenen Integrationszentrums einsehen.");
    }
}
