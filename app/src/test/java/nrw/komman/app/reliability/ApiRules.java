package nrw.komman.app.reliability;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static nrw.komman.app.reliability.ApiRules.Role.ADMINISTRATOR;
import static nrw.komman.app.reliability.ApiRules.Role.AUDITOR;
import static nrw.komman.app.reliability.ApiRules.Role.COORDINATOR;
import static nrw.komman.app.reliability.ApiRules.Role.GRANT_OFFICER;
import static nrw.komman.app.reliability.ApiRules.Role.MINISTRY;

/**
 * Who may call which operation of the API, declared here from the roles in domain.md and
 * {@code SecurityConfiguration.apiRules}, independently of the code that enforces it. {@code OWN_CENTRE}: a
 * coordinator only on their own centre's resources (a coordinator of another centre gets 403); {@code ANY_CENTRE}:
 * the operation is not about one centre's data. An operation of the OpenAPI description that is missing here
 * makes the authorization matrix fail: every new endpoint has to be classified.
 */
final class ApiRules {

    enum Role { COORDINATOR, GRANT_OFFICER, MINISTRY, AUDITOR, ADMINISTRATOR }

    enum Scope { OWN_CENTRE, ANY_CENTRE }

    /** The seven callers of the matrix. */
    enum Who {
        ANONYMOUS(null), COORDINATOR_OWN_CENTRE(COORDINATOR), COORDINATOR_FOREIGN_CENTRE(COORDINATOR),
        GRANT_OFFICER(Role.GRANT_OFFICER), MINISTRY(Role.MINISTRY), AUDITOR(Role.AUDITOR), ADMINISTRATOR(Role.ADMINISTRATOR);

        final Role role;

        Who(Role role) {
            this.role = role;
        }
    }

    record Rule(Set<Role> roles, Scope scope) {

        /** The status class the caller must get: 0 for allowed (anything but 401/403), else 401 or 403. */
        int expected(Who who) {
            if (who == Who.ANONYMOUS) {
                return 401;
            }
            if (!roles.contains(who.role)) {
                return 403;
            }
            return who == Who.COORDINATOR_FOREIGN_CENTRE && scope == Scope.OWN_CENTRE ? 403 : 0;
        }
    }

    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
    private static final Set<Role> GRANT_READERS = EnumSet.of(COORDINATOR, GRANT_OFFICER, MINISTRY, AUDITOR);
    private static final Set<Role> STATE_WIDE_READERS = EnumSet.of(MINISTRY, AUDITOR, GRANT_OFFICER);

    static final Map<String, Rule> RULES = new LinkedHashMap<>();

    static {
        // administration: accounts, read models, retention rules
        admin("GET /api/admin/accounts", "POST /api/admin/accounts", "GET /api/admin/accounts/{username}",
                "POST /api/admin/accounts/{username}/disable", "POST /api/admin/accounts/{username}/enable",
                "POST /api/admin/accounts/{username}/password", "GET /api/admin/read-models",
                "POST /api/admin/read-models/rebuild", "GET /api/admin/retention", "POST /api/admin/retention/runs",
                "POST /api/admin/accounts/{username}/unlock", "GET /api/admin/sign-ins");
        // state-wide figures: never names, never for coordinators
        rule("GET /api/ministry/overview", STATE_WIDE_READERS, Scope.ANY_CENTRE);
        // centres: everyone signed in reads them (a coordinator also other centres' public data); the ministry establishes and closes
        rule("GET /api/centres", EVERYONE, Scope.ANY_CENTRE);
        rule("GET /api/centres/{centreId}", EVERYONE, Scope.ANY_CENTRE);
        rule("POST /api/centres", EnumSet.of(MINISTRY), Scope.ANY_CENTRE);
        rule("POST /api/centres/{centreId}/closure", EnumSet.of(MINISTRY), Scope.ANY_CENTRE);
        // volunteers and activities: the coordinators of the volunteer's centre only
        coordinatorsOfTheCentre("POST /api/centres/{centreId}/volunteers", "GET /api/centres/{centreId}/volunteers",
                "GET /api/centres/{centreId}/activities", "GET /api/centres/{centreId}/dashboard", "GET /api/volunteers/{volunteerId}",
                "PUT /api/volunteers/{volunteerId}/profile", "POST /api/volunteers/{volunteerId}/deactivation",
                "POST /api/volunteers/{volunteerId}/reactivation", "POST /api/volunteers/{volunteerId}/activities",
                "GET /api/volunteers/{volunteerId}/activities", "GET /api/volunteers/{volunteerId}/activities/{activityId}",
                "POST /api/volunteers/{volunteerId}/activities/{activityId}/correction",
                "POST /api/volunteers/{volunteerId}/activities/{activityId}/withdrawal",
                "POST /api/volunteers/{volunteerId}/consent-withdrawal");
        // the volunteer's rights (Art. 15, 17 DSGVO): also administrators
        for (String key : new String[]{"POST /api/volunteers/{volunteerId}/erasure", "GET /api/volunteers/{volunteerId}/data-export",
                "GET /api/volunteers/{volunteerId}/data-export.pdf"}) {
            rule(key, EnumSet.of(COORDINATOR, ADMINISTRATOR), Scope.OWN_CENTRE);
        }
        // grants: read by the centre's coordinators, the grant authority, the ministry and auditors
        for (String key : new String[]{"GET /api/grants", "GET /api/grants/{grantId}", "GET /api/grants/{grantId}/history",
                "GET /api/grants/{grantId}/audit-chain", "GET /api/grants/{grantId}/history.csv",
                "GET /api/grants/{grantId}/history.pdf"}) {
            rule(key, GRANT_READERS, Scope.OWN_CENTRE);
        }
        coordinatorsOfTheCentre("POST /api/grants", "POST /api/grants/{grantId}/withdrawal",
                "POST /api/grants/{grantId}/fund-requests", "POST /api/grants/{grantId}/usage-report");
        for (String key : new String[]{"POST /api/grants/{grantId}/review", "POST /api/grants/{grantId}/disbursements",
                "POST /api/grants/{grantId}/closure", "POST /api/grants/{grantId}/repayments"}) {
            rule(key, EnumSet.of(GRANT_OFFICER), Scope.ANY_CENTRE);
        }
        for (String key : new String[]{"POST /api/grants/{grantId}/approval", "POST /api/grants/{grantId}/rejection",
                "POST /api/grants/{grantId}/amendments", "PUT /api/budgets/{fundingYear}/{programmePart}",
                "PUT /api/budgets/{fundingYear}/{programmePart}/centres/{centreId}"}) {
            rule(key, EnumSet.of(MINISTRY), Scope.ANY_CENTRE);
        }
        rule("GET /api/budgets", EnumSet.of(MINISTRY, GRANT_OFFICER, AUDITOR), Scope.ANY_CENTRE);
        // annual reports: every role; a coordinator only their own centre's
        for (String key : new String[]{"GET /api/reports/annual", "GET /api/reports/annual.{format}", "POST /api/reports/annual/jobs",
                "GET /api/reports/annual/jobs/{jobId}", "GET /api/reports/annual/jobs/{jobId}/report",
                "GET /api/reports/annual/jobs/{jobId}/report.{format}"}) {
            rule(key, EVERYONE, Scope.OWN_CENTRE);
        }
        rule("GET /api/reports/annual/jobs", EVERYONE, Scope.ANY_CENTRE); // lists only what the caller may read
        rule("GET /api/me", EVERYONE, Scope.ANY_CENTRE);
    }

    private ApiRules() {
    }

    private static void rule(String key, Set<Role> roles, Scope scope) {
        if (RULES.put(key, new Rule(roles, scope)) != null) {
            throw new IllegalStateException("declared twice: " + key);
        }
    }

    private static void admin(String... keys) {
        for (String key : keys) {
            rule(key, EnumSet.of(ADMINISTRATOR), Scope.ANY_CENTRE);
        }
    }

    private static void coordinatorsOfTheCentre(String... keys) {
        for (String key : keys) {
            rule(key, EnumSet.of(COORDINATOR), Scope.OWN_CENTRE);
        }
    }

    static Rule of(ApiDescription.Operation operation) {
        return RULES.get(operation.key());
    }
}
