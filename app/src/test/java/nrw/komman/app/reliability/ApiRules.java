package nrw.komman.app.reliability;

import nrw.komman.kernel.access.Action;
import nrw.komman.kernel.access.Scope;
import nrw.komman.kernel.common.AccountRole;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static nrw.komman.kernel.access.Action.AMEND_GRANT;
import static nrw.komman.kernel.access.Action.WITHDRAW_EMAIL_CONSENT;
import static nrw.komman.kernel.access.Action.APPROVE_GRANT_RAISE;
import static nrw.komman.kernel.access.Action.APPLY_FOR_GRANT;
import static nrw.komman.kernel.access.Action.APPROVE_GRANT;
import static nrw.komman.kernel.access.Action.CLOSE_CENTRE;
import static nrw.komman.kernel.access.Action.CONFIRM_CENTRE_CLOSURE;
import static nrw.komman.kernel.access.Action.CLOSE_GRANT;
import static nrw.komman.kernel.access.Action.DISBURSE_TRANCHE;
import static nrw.komman.kernel.access.Action.ERASE_VOLUNTEER_DATA;
import static nrw.komman.kernel.access.Action.ESTABLISH_CENTRE;
import static nrw.komman.kernel.access.Action.EXTEND_USAGE_REPORT_DUE;
import static nrw.komman.kernel.access.Action.REPORT_TRANCHE_SPENT;
import static nrw.komman.kernel.access.Action.SET_PROGRAMME_DATES;
import static nrw.komman.kernel.access.Action.EXPORT_VOLUNTEER_DATA;
import static nrw.komman.kernel.access.Action.ISSUE_CERTIFICATE;
import static nrw.komman.kernel.access.Action.LOG_ACTIVITY;
import static nrw.komman.kernel.access.Action.MANAGE_ACCOUNTS;
import static nrw.komman.kernel.access.Action.MANAGE_HELP_REQUESTS;
import static nrw.komman.kernel.access.Action.MANAGE_VOLUNTEER_LINKS;
import static nrw.komman.kernel.access.Action.MANAGE_READ_MODELS;
import static nrw.komman.kernel.access.Action.MANAGE_VOLUNTEER;
import static nrw.komman.kernel.access.Action.MONITOR_NOTICE_DELIVERY;
import static nrw.komman.kernel.access.Action.READ_BUDGETS;
import static nrw.komman.kernel.access.Action.READ_CENTRES;
import static nrw.komman.kernel.access.Action.READ_GRANTS;
import static nrw.komman.kernel.access.Action.READ_HELP_REQUESTS;
import static nrw.komman.kernel.access.Action.READ_OWN_NOTICES;
import static nrw.komman.kernel.access.Action.READ_OWN_VOLUNTEER_PAGE;
import static nrw.komman.kernel.access.Action.READ_PERSONAL_DATA;
import static nrw.komman.kernel.access.Action.READ_REPORTS;
import static nrw.komman.kernel.access.Action.READ_STATE_FIGURES;
import static nrw.komman.kernel.access.Action.RECORD_CONSENT_WITHDRAWAL;
import static nrw.komman.kernel.access.Action.RECORD_REPAYMENT;
import static nrw.komman.kernel.access.Action.REGISTER_VOLUNTEER;
import static nrw.komman.kernel.access.Action.REJECT_GRANT;
import static nrw.komman.kernel.access.Action.REQUEST_FUNDS;
import static nrw.komman.kernel.access.Action.RESPOND_TO_ASSIGNMENT;
import static nrw.komman.kernel.access.Action.REVIEW_GRANT;
import static nrw.komman.kernel.access.Action.RUN_RETENTION;
import static nrw.komman.kernel.access.Action.SET_BUDGET;
import static nrw.komman.kernel.access.Action.SUBMIT_USAGE_REPORT;
import static nrw.komman.kernel.access.Action.UPDATE_AVAILABILITY;
import static nrw.komman.kernel.access.Action.VERIFY_CERTIFICATE;
import static nrw.komman.kernel.access.Action.VIEW_RETENTION_PLAN;
import static nrw.komman.kernel.access.Action.WITHDRAW_GRANT_APPLICATION;
import static nrw.komman.kernel.access.Scope.ANY_CENTRE;
import static nrw.komman.kernel.access.Scope.OWN_CENTRE;

/**
 * Who may call which operation of the API. Each operation names the action of the permission map it is
 * ({@link Action}); the roles allowed are the map's, the same the production code asks, so a rule is stated once.
 * What stays this test's own expectation, independent of the code that enforces it:
 * <ul>
 *   <li>the scope of each operation: {@code OWN_CENTRE} when it addresses one centre's resources (a coordinator of
 *   another centre gets 403), {@code ANY_CENTRE} when it does not (a list filtered to what the caller may read, the
 *   public register of centres). An operation declared {@code OWN_CENTRE} must also be bound to the coordinator's
 *   own centre in the map;</li>
 *   <li>which operations carry a volunteer's personal data ({@link #personalData}): their action must say so, and
 *   neither the ministry nor auditors nor the grant authority may be among its roles (docs/domain.md, data
 *   minimisation), whatever the map says.</li>
 *   <li>which operations take their credential from a secret in the path instead of an account ({@link #bySecret}):
 *   a volunteer's personal link ({@code /api/link/{token}/...}, the token is the credential) and the public check of a
 *   certificate's number. Every caller, signed in or not, is let through to them; who the token names decides, and a
 *   wrong token is a 404 (HostileRequests sends wrong ones).</li>
 * </ul>
 * Whether the map itself says what docs/domain.md says is {@code PermissionsTest}'s question in the shared kernel; this
 * matrix checks over HTTP that the address rules and the handlers do what the map says. An operation of the OpenAPI
 * description that is missing here makes the authorization matrix fail: every new endpoint has to be classified.
 */
final class ApiRules {

    /**
     * Every role an account can have; the platform's own {@link AccountRole#SYSTEM} never calls the API, and
     * {@link AccountRole#VOLUNTEER} is never an account's role (the volunteer acts through their link's token).
     */
    static final Set<AccountRole> ACCOUNT_ROLES = EnumSet.complementOf(EnumSet.of(AccountRole.SYSTEM, AccountRole.VOLUNTEER));

    private static final Set<AccountRole> NEVER_PERSONAL_DATA =
            EnumSet.of(AccountRole.MINISTRY, AccountRole.AUDITOR, AccountRole.GRANT_OFFICER);

    /** The seven callers of the matrix. */
    enum Who {
        ANONYMOUS(null), COORDINATOR_OWN_CENTRE(AccountRole.COORDINATOR), COORDINATOR_FOREIGN_CENTRE(AccountRole.COORDINATOR),
        GRANT_OFFICER(AccountRole.GRANT_OFFICER), MINISTRY(AccountRole.MINISTRY), AUDITOR(AccountRole.AUDITOR),
        ADMINISTRATOR(AccountRole.ADMINISTRATOR);

        final AccountRole role;

        Who(AccountRole role) {
            this.role = role;
        }
    }

    /**
     * One operation's rule: its action (null for one open to every signed-in account), the roles and the scope;
     * {@code bySecret} when a secret in the path is the credential and no account is needed (every caller let through).
     */
    record Rule(Action action, Set<AccountRole> roles, Scope scope, boolean bySecret) {

        Rule(Action action, Set<AccountRole> roles, Scope scope) {
            this(action, roles, scope, false);
        }

        /** The status class the caller must get: 0 for allowed (anything but 401/403), else 401 or 403. */
        int expected(Who who) {
            if (bySecret) {
                return 0;
            }
            if (who == Who.ANONYMOUS) {
                return 401;
            }
            if (!roles.contains(who.role)) {
                return 403;
            }
            return who == Who.COORDINATOR_FOREIGN_CENTRE && scope == OWN_CENTRE ? 403 : 0;
        }
    }

    static final Map<String, Rule> RULES = new LinkedHashMap<>();

    static {
        // administration: accounts, read models, retention rules
        rule(MANAGE_ACCOUNTS, ANY_CENTRE, "GET /api/admin/accounts", "POST /api/admin/accounts",
                "GET /api/admin/accounts/{username}", "POST /api/admin/accounts/{username}/disable",
                "POST /api/admin/accounts/{username}/enable", "POST /api/admin/accounts/{username}/password",
                "POST /api/admin/accounts/{username}/unlock", "GET /api/admin/sign-ins",
                "PUT /api/admin/accounts/{username}/role");
        rule(MANAGE_READ_MODELS, ANY_CENTRE, "GET /api/admin/read-models", "POST /api/admin/read-models/rebuild");
        rule(VIEW_RETENTION_PLAN, ANY_CENTRE, "GET /api/admin/retention");
        rule(RUN_RETENTION, ANY_CENTRE, "POST /api/admin/retention/runs");
        // state-wide figures: never names, never for coordinators
        rule(READ_STATE_FIGURES, ANY_CENTRE, "GET /api/ministry/overview");
        // centres: everyone signed in reads them (a coordinator also other centres' public data); the ministry establishes and closes
        rule(READ_CENTRES, ANY_CENTRE, "GET /api/centres", "GET /api/centres/{centreId}");
        rule(ESTABLISH_CENTRE, ANY_CENTRE, "POST /api/centres");
        rule(CLOSE_CENTRE, ANY_CENTRE, "POST /api/centres/{centreId}/closure-proposal",
                "POST /api/centres/{centreId}/closure-proposal/withdrawal");
        rule(CONFIRM_CENTRE_CLOSURE, ANY_CENTRE, "POST /api/centres/{centreId}/closure-proposal/confirmation");
        // volunteers and activities: personal data, the coordinators of the volunteer's centre only
        personalData(REGISTER_VOLUNTEER, "POST /api/centres/{centreId}/volunteers");
        personalData(READ_PERSONAL_DATA, "GET /api/centres/{centreId}/volunteers", "GET /api/centres/{centreId}/activities",
                "GET /api/centres/{centreId}/dashboard", "GET /api/volunteers/{volunteerId}",
                "GET /api/volunteers/{volunteerId}/activities", "GET /api/volunteers/{volunteerId}/activities/{activityId}");
        personalData(MANAGE_VOLUNTEER, "PUT /api/volunteers/{volunteerId}/profile", "POST /api/volunteers/{volunteerId}/deactivation",
                "POST /api/volunteers/{volunteerId}/reactivation");
        personalData(LOG_ACTIVITY, "POST /api/volunteers/{volunteerId}/activities",
                "POST /api/volunteers/{volunteerId}/activities/{activityId}/correction",
                "POST /api/volunteers/{volunteerId}/activities/{activityId}/withdrawal");
        personalData(RECORD_CONSENT_WITHDRAWAL, "POST /api/volunteers/{volunteerId}/consent-withdrawal");
        // the consent to e-mail (issue 19): read like the volunteer, given like a profile change, withdrawn by either side
        personalData(READ_PERSONAL_DATA, "GET /api/volunteers/{volunteerId}/email-consent");
        personalData(MANAGE_VOLUNTEER, "POST /api/volunteers/{volunteerId}/email-consent");
        personalData(WITHDRAW_EMAIL_CONSENT, "POST /api/volunteers/{volunteerId}/email-consent/withdrawal");
        // the volunteer's rights (Art. 15, 17 DSGVO): also administrators
        personalData(ERASE_VOLUNTEER_DATA, "POST /api/volunteers/{volunteerId}/erasure");
        personalData(EXPORT_VOLUNTEER_DATA, "GET /api/volunteers/{volunteerId}/data-export",
                "GET /api/volunteers/{volunteerId}/data-export.pdf");
        // grants: read by the centre's coordinators, the grant authority, the ministry and auditors
        rule(READ_GRANTS, OWN_CENTRE, "GET /api/grants", "GET /api/grants/{grantId}", "GET /api/grants/{grantId}/history",
                "GET /api/grants/{grantId}/audit-chain", "GET /api/grants/{grantId}/history.csv",
                "GET /api/grants/{grantId}/history.pdf");
        rule(APPLY_FOR_GRANT, OWN_CENTRE, "POST /api/grants");
        rule(WITHDRAW_GRANT_APPLICATION, OWN_CENTRE, "POST /api/grants/{grantId}/withdrawal");
        rule(REQUEST_FUNDS, OWN_CENTRE, "POST /api/grants/{grantId}/fund-requests");
        rule(SUBMIT_USAGE_REPORT, OWN_CENTRE, "POST /api/grants/{grantId}/usage-report");
        rule(REVIEW_GRANT, ANY_CENTRE, "POST /api/grants/{grantId}/review");
        rule(DISBURSE_TRANCHE, ANY_CENTRE, "POST /api/grants/{grantId}/disbursements");
        rule(CLOSE_GRANT, ANY_CENTRE, "POST /api/grants/{grantId}/closure");
        rule(RECORD_REPAYMENT, ANY_CENTRE, "POST /api/grants/{grantId}/repayments");
        rule(APPROVE_GRANT, ANY_CENTRE, "POST /api/grants/{grantId}/approval");
        rule(REJECT_GRANT, ANY_CENTRE, "POST /api/grants/{grantId}/rejection");
        rule(AMEND_GRANT, ANY_CENTRE, "POST /api/grants/{grantId}/amendments", "POST /api/grants/{grantId}/raise/withdrawal");
        rule(APPROVE_GRANT_RAISE, ANY_CENTRE, "POST /api/grants/{grantId}/raise/approval");
        rule(SET_BUDGET, ANY_CENTRE, "PUT /api/budgets/{fundingYear}/{programmePart}",
                "PUT /api/budgets/{fundingYear}/{programmePart}/centres/{centreId}");
        rule(READ_BUDGETS, ANY_CENTRE, "GET /api/budgets");
        // issue 19: the dates that matter (the programme's dates concern no centre)
        rule(EXTEND_USAGE_REPORT_DUE, ANY_CENTRE, "POST /api/grants/{grantId}/usage-report-due");
        rule(REPORT_TRANCHE_SPENT, OWN_CENTRE, "POST /api/grants/{grantId}/tranches/{tranche}/spent");
        rule(READ_GRANTS, ANY_CENTRE, "GET /api/programme-dates");
        rule(SET_PROGRAMME_DATES, ANY_CENTRE, "PUT /api/programme-dates/{programmePart}");
        // annual reports: every role; a coordinator only their own centre's
        rule(READ_REPORTS, OWN_CENTRE, "GET /api/reports/annual", "GET /api/reports/annual.{format}", "POST /api/reports/annual/jobs",
                "GET /api/reports/annual/jobs/{jobId}", "GET /api/reports/annual/jobs/{jobId}/report",
                "GET /api/reports/annual/jobs/{jobId}/report.{format}");
        rule(READ_REPORTS, ANY_CENTRE, "GET /api/reports/annual/jobs"); // lists only what the caller may read
        // coordination (issue 18): requests for help and assignments, the centre's coordinators only (the requester's
        // and the volunteers' personal data)
        personalData(MANAGE_HELP_REQUESTS, "POST /api/centres/{centreId}/help-requests",
                "POST /api/help-requests/{requestId}/cancellation", "POST /api/help-requests/{requestId}/closure",
                "POST /api/help-requests/{requestId}/assignments", "POST /api/help-requests/{requestId}/offers",
                "POST /api/help-requests/{requestId}/assignments/{assignmentId}/cancellation",
                "POST /api/help-requests/{requestId}/assignments/{assignmentId}/replacement",
                "POST /api/help-requests/{requestId}/assignments/{assignmentId}/took-place",
                "POST /api/help-requests/{requestId}/assignments/{assignmentId}/no-show");
        // the coordinator answers for the volunteer who told them (the volunteer themselves: through their link, below)
        personalData(RESPOND_TO_ASSIGNMENT, "POST /api/help-requests/{requestId}/assignments/{assignmentId}/confirmation",
                "POST /api/help-requests/{requestId}/assignments/{assignmentId}/declination");
        personalData(READ_HELP_REQUESTS, "GET /api/centres/{centreId}/help-requests", "GET /api/help-requests/{requestId}",
                "GET /api/help-requests/{requestId}/matches", "GET /api/volunteers/{volunteerId}/assignments",
                "GET /api/centres/{centreId}/assignments", "GET /api/centres/{centreId}/calendar.ics");
        personalData(UPDATE_AVAILABILITY, "PUT /api/volunteers/{volunteerId}/availability");
        personalData(MANAGE_VOLUNTEER_LINKS, "POST /api/volunteers/{volunteerId}/link", "GET /api/volunteers/{volunteerId}/link",
                "POST /api/volunteers/{volunteerId}/link/revocation");
        personalData(ISSUE_CERTIFICATE, "POST /api/volunteers/{volunteerId}/certificates");
        // the ministry's coordination figures: counts only, like its overview
        rule(READ_STATE_FIGURES, ANY_CENTRE, "GET /api/state/coordination");
        // the volunteer through their personal link: no account, the token is the credential
        bySecret(READ_OWN_VOLUNTEER_PAGE, "GET /api/link/{token}", "GET /api/link/{token}/calendar.ics");
        bySecret(RESPOND_TO_ASSIGNMENT, "POST /api/link/{token}/assignments/{assignmentId}/confirmation",
                "POST /api/link/{token}/assignments/{assignmentId}/declination");
        bySecret(UPDATE_AVAILABILITY, "PUT /api/link/{token}/availability");
        bySecret(ISSUE_CERTIFICATE, "POST /api/link/{token}/certificates");
        bySecret(WITHDRAW_EMAIL_CONSENT, "POST /api/link/{token}/email-consent/withdrawal");
        // whoever holds a certificate's number may check it
        bySecret(VERIFY_CERTIFICATE, "GET /api/certificates/{certificateId}");
        // notices (issue 19): every account its own inbox and settings (another account's notice is a 404, never
        // a 403: nobody learns which ids others have); administrators the e-mails that could not be delivered
        rule(READ_OWN_NOTICES, ANY_CENTRE, "GET /api/notices", "GET /api/notices/unread-count",
                "POST /api/notices/{noticeId}/read", "POST /api/notices/read", "GET /api/notices/settings",
                "PUT /api/notices/settings");
        rule(MONITOR_NOTICE_DELIVERY, ANY_CENTRE, "GET /api/admin/notice-deliveries",
                "POST /api/admin/notice-deliveries/{noticeId}/{recipient}/retry");
        // the signed-in account itself: no action of the map, every account
        put("GET /api/me", new Rule(null, ACCOUNT_ROLES, ANY_CENTRE));
        put("POST /api/me/password", new Rule(null, ACCOUNT_ROLES, ANY_CENTRE));
    }

    private ApiRules() {
    }

    private static void rule(Action action, Scope scope, String... keys) {
        Set<AccountRole> roles = EnumSet.copyOf(ACCOUNT_ROLES);
        roles.retainAll(action.roles());
        if (scope == OWN_CENTRE && roles.contains(AccountRole.COORDINATOR)
                && action.scopeFor(AccountRole.COORDINATOR) != OWN_CENTRE) {
            throw new IllegalStateException(action + " is declared for one centre here, but the map lets coordinators "
                    + "take it on any centre: " + String.join(", ", keys));
        }
        for (String key : keys) {
            put(key, new Rule(action, roles, scope));
        }
    }

    /** Operations on a volunteer's personal data: one centre's, and never for the state's readers (docs/domain.md). */
    private static void personalData(Action action, String... keys) {
        if (!action.touchesPersonalData()) {
            throw new IllegalStateException(action + " carries a volunteer's personal data, the map says it does not");
        }
        Set<AccountRole> leaked = EnumSet.copyOf(NEVER_PERSONAL_DATA);
        leaked.retainAll(action.roles());
        if (!leaked.isEmpty()) {
            throw new IllegalStateException(action + " would show a volunteer's personal data to " + leaked);
        }
        rule(action, OWN_CENTRE, keys);
    }

    /**
     * Operations whose credential is a secret in the path (a personal link's token, a certificate's number): the map
     * must let the volunteer acting through their link take the action, and only they may hold no account.
     */
    private static void bySecret(Action action, String... keys) {
        if (!action.allows(AccountRole.VOLUNTEER)) {
            throw new IllegalStateException(action + " is taken through a personal link here, but the map does not let "
                    + "the volunteer take it: " + String.join(", ", keys));
        }
        for (String key : keys) {
            if (!key.contains("/api/link/{token}") && !key.startsWith("GET /api/certificates/")) {
                throw new IllegalStateException("only the personal link's and the certificate check's paths go without an account: " + key);
            }
            put(key, new Rule(action, EnumSet.copyOf(ACCOUNT_ROLES), ANY_CENTRE, true));
        }
    }

    private static void put(String key, Rule rule) {
        if (RULES.put(key, rule) != null) {
            throw new IllegalStateException("declared twice: " + key);
        }
    }

    static Rule of(ApiDescription.Operation operation) {
        return RULES.get(operation.key());
    }
}
