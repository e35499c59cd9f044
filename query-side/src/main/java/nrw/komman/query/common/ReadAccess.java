package nrw.komman.query.common;

import nrw.komman.kernel.access.Action;
import nrw.komman.kernel.access.Permissions;
import nrw.komman.kernel.access.Scope;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.DomainException;
import nrw.komman.kernel.common.ForbiddenException;

import java.util.Map;

/**
 * Who may read what, in the words of the query handlers; the answers are the permission map's
 * ({@link Permissions}, ADR 18). Every query handler asks here first, before it touches a row, so a refusal
 * never depends on the data.
 */
public final class ReadAccess {

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
        Permissions.require(actor, Action.READ_PERSONAL_DATA, centreId);
    }

    /** Only coordinators may read personal data at all (checked before any row is looked up). */
    public static void requireCoordinator(Actor actor) {
        Permissions.require(actor, Action.READ_PERSONAL_DATA);
    }

    /**
     * Everything held on one volunteer (DSGVO Art. 15): the coordinators of the volunteer's centre (checked with
     * {@link #requirePersonalDataOfExport} once the volunteer's centre is known) and administrators, who answer
     * requests that reach the platform's operators. Nobody else, whatever the volunteer.
     */
    public static void requireExportReader(Actor actor) {
        Permissions.require(actor, Action.EXPORT_VOLUNTEER_DATA);
    }

    /** The export of one volunteer: an administrator any, a coordinator only their own centre's. */
    public static void requirePersonalDataOfExport(Actor actor, CentreId centreId) {
        Permissions.require(actor, Action.EXPORT_VOLUNTEER_DATA, centreId);
    }

    /** The retention rules' dry run: administrators only (it lists ids and dates, no personal data). */
    public static void requireAdministrator(Actor actor) {
        Permissions.require(actor, Action.VIEW_RETENTION_PLAN);
    }

    /** Grants: coordinators (their own centre's), grant officers, ministry and auditors. */
    public static void requireGrantReader(Actor actor) {
        Permissions.require(actor, Action.READ_GRANTS);
    }

    /** One grant (or a centre's grants): a coordinator only their own centre's. */
    public static void requireGrantOf(Actor actor, CentreId centreId) {
        Permissions.require(actor, Action.READ_GRANTS, centreId);
    }

    /** Whether the actor's grant searches are limited to their own centre (a coordinator's are). */
    public static boolean readsOwnCentresGrantsOnly(Actor actor) {
        return Permissions.scopeOf(actor, Action.READ_GRANTS) == Scope.OWN_CENTRE;
    }

    /** The state-wide figures: ministry, auditors and the grant authority (counts and money, never names). */
    public static void requireOverviewReader(Actor actor) {
        Permissions.require(actor, Action.READ_STATE_FIGURES);
    }

    /** Budgets and their use: ministry, auditors and the grant authority; not the centres. */
    public static void requireBudgetReader(Actor actor) {
        Permissions.require(actor, Action.READ_BUDGETS);
    }

    /**
     * The annual report: a coordinator gets their own centre's only (also when asking for none); the ministry,
     * the grant authority, auditors and administrators get the state's or any centre's. Counts and money, never names.
     * Returns the centre the report covers, or null for the whole state.
     */
    public static CentreId reportScope(Actor actor, CentreId requested) {
        if (Permissions.require(actor, Action.READ_REPORTS) == Scope.OWN_CENTRE) {
            if (requested != null) {
                Permissions.require(actor, Action.READ_REPORTS, requested);
            }
            return actor.centre();
        }
        return requested;
    }

    /**
     * A report already made (a background job's): the state's for the state's readers only; a centre's also for
     * that centre's coordinators.
     */
    public static void requireReportOf(Actor actor, CentreId scope) {
        // said apart from a foreign centre's report: the whole state is nobody's own centre
        if (Permissions.scopeOf(actor, Action.READ_REPORTS) == Scope.OWN_CENTRE && scope == null) {
            throw new ForbiddenException("report.forbidden",
                    "Den Bericht des ganzen Landes sehen nur Ministerium, Bewilligungsbehörde, Prüfung und Administration.");
        }
        reportScope(actor, scope);
    }
}
