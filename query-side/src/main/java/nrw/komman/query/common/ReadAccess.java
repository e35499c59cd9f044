package nrw.komman.query.common;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.DomainException;
import nrw.komman.kernel.common.ForbiddenException;
import nrw.komman.kernel.common.AccountRole;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Who may read what (domain.md, "Who uses it" and data minimisation). Every query handler asks
 * here first, before it touches a row, so a refusal never depends on the data.
 */
public final class ReadAccess {

    private static final Set<AccountRole> GRANT_READERS =
            EnumSet.of(AccountRole.COORDINATOR, AccountRole.GRANT_OFFICER, AccountRole.MINISTRY, AccountRole.AUDITOR);
    private static final Set<AccountRole> OVERVIEW_READERS =
            EnumSet.of(AccountRole.GRANT_OFFICER, AccountRole.MINISTRY, AccountRole.AUDITOR);
    private static final Set<AccountRole> BUDGET_READERS =
            EnumSet.of(AccountRole.GRANT_OFFICER, AccountRole.MINISTRY, AccountRole.AUDITOR);

    private static final Set<AccountRole> REPORT_READERS =
            EnumSet.of(AccountRole.GRANT_OFFICER, AccountRole.MINISTRY, AccountRole.AUDITOR, AccountRole.ADMINISTRATOR);

    private ReadAccess() {
    }

    /** The acting account from the query's metadata; a query without one (or a garbled one) is refused. */
    public static Actor actor(Map<String, ?> metaData) {
        try {
            return Actor.fromMetaData(metaData);
        } catch (DomainException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ForbiddenException("actor.invalid", "Die Anfrage ist keinem gültigen Konto zugeordnet.");
        }
    }

    /**
     * Volunteers' names, contact data, notes and activities: only the coordinators of the
     * volunteer's centre. Ministry, auditors, grant officers and administrators see counts only.
     */
    public static void requirePersonalDataOf(Actor actor, CentreId centreId) {
        if (!actor.is(AccountRole.COORDINATOR)) {
            throw new ForbiddenException("personal-data.forbidden",
                    "Angaben zu Ehrenamtlichen und ihren Einsätzen sehen nur die Koordinator*innen ihres Integrationszentrums.");
        }
        requireOwnCentre(actor, centreId);
    }

    /** Only coordinators may read personal data at all (checked before any row is looked up). */
    public static void requireCoordinator(Actor actor) {
        if (!actor.is(AccountRole.COORDINATOR)) {
            throw new ForbiddenException("personal-data.forbidden",
                    "Angaben zu Ehrenamtlichen und ihren Einsätzen sehen nur die Koordinator*innen ihres Integrationszentrums.");
        }
    }

    /**
     * Everything held on one volunteer (DSGVO Art. 15): the coordinators of the volunteer's centre (checked with
     * {@link #requirePersonalDataOfExport} once the volunteer's centre is known) and administrators, who answer
     * requests that reach the platform's operators. Nobody else, whatever the volunteer.
     */
    public static void requireExportReader(Actor actor) {
        if (!actor.is(AccountRole.COORDINATOR) && !actor.is(AccountRole.ADMINISTRATOR)) {
            throw new ForbiddenException("export.forbidden",
                    "Die Auskunft über gespeicherte Daten erhalten nur die Koordinator*innen des Integrationszentrums "
                            + "und die Administration.");
        }
    }

    /** The export of one volunteer: an administrator any, a coordinator only their own centre's. */
    public static void requirePersonalDataOfExport(Actor actor, CentreId centreId) {
        requireExportReader(actor);
        if (actor.is(AccountRole.COORDINATOR)) {
            requireOwnCentre(actor, centreId);
        }
    }

    /** The retention rules' dry run: administrators only (it lists ids and dates, no personal data). */
    public static void requireAdministrator(Actor actor) {
        if (!actor.is(AccountRole.ADMINISTRATOR)) {
            throw new ForbiddenException("retention.forbidden", "Die Löschfristen sieht und führt nur die Administration aus.");
        }
    }

    /** Grants: coordinators (their own centre's), grant officers, ministry and auditors. */
    public static void requireGrantReader(Actor actor) {
        if (!GRANT_READERS.contains(actor.role())) {
            throw new ForbiddenException("grant.forbidden", "Ihre Rolle berechtigt nicht zur Einsicht in Zuwendungen.");
        }
    }

    /** One grant (or a centre's grants): a coordinator only their own centre's. */
    public static void requireGrantOf(Actor actor, CentreId centreId) {
        requireGrantReader(actor);
        if (actor.is(AccountRole.COORDINATOR) && !actor.centre().equals(centreId)) {
            throw new ForbiddenException("grant.foreign-centre",
                    "Sie können nur die Zuwendungen Ihres eigenen Integrationszentrums einsehen.");
        }
    }

    /** The state-wide figures: ministry, auditors and the grant authority (counts and money, never names). */
    public static void requireOverviewReader(Actor actor) {
        if (!OVERVIEW_READERS.contains(actor.role())) {
            throw new ForbiddenException("overview.forbidden",
                    "Die landesweite Übersicht sehen nur Ministerium, Bewilligungsbehörde und Prüfung.");
        }
    }

    /** Budgets and their use: ministry, auditors and the grant authority; not the centres. */
    public static void requireBudgetReader(Actor actor) {
        if (!BUDGET_READERS.contains(actor.role())) {
            throw new ForbiddenException("budget.forbidden",
                    "Die Budgetübersicht sehen nur Ministerium, Bewilligungsbehörde und Prüfung.");
        }
    }

    /**
     * The annual report: a coordinator gets their own centre's only (also when asking for none); the ministry,
     * the grant authority, auditors and administrators get the state's or any centre's. Counts and money, never names.
     * Returns the centre the report covers, or null for the whole state.
     */
    public static CentreId reportScope(Actor actor, CentreId requested) {
        if (actor.is(AccountRole.COORDINATOR)) {
            if (requested != null) {
                requireOwnCentre(actor, requested);
            }
            return actor.centre();
        }
        if (!REPORT_READERS.contains(actor.role())) {
            throw new ForbiddenException("report.forbidden", "Ihre Rolle berechtigt nicht zum Abruf von Berichten.");
        }
        return requested;
    }

    /**
     * A report already made (a background job's): the state's for the state's readers only; a centre's also for
     * that centre's coordinators.
     */
    public static void requireReportOf(Actor actor, CentreId scope) {
        if (actor.is(AccountRole.COORDINATOR) && scope == null) {
            throw new ForbiddenException("report.forbidden",
                    "Den Bericht des ganzen Landes sehen nur Ministerium, Bewilligungsbehörde, Prüfung und Administration.");
        }
        reportScope(actor, scope);
    }

    private static void requireOwnCentre(Actor actor, CentreId centreId) {
        if (!actor.centre().equals(centreId)) {
            throw new ForbiddenException("centre.foreign",
                    "Sie können nur die Daten Ihres eigenen Integrationszentrums einsehen.");
        }
    }
}
