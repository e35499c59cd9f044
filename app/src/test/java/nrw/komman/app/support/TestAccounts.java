package nrw.komman.app.support;

import nrw.komman.app.support.Api.Login;

import java.util.Map;

/** The accounts the end-to-end tests act as: one per role, coordinators of two centres, two ministry officials. */
public final class TestAccounts {

    public static final String ADMIN_PASSWORD = "Verwaltung-Test-2026";
    public static final Login ADMIN = new Login("admin", ADMIN_PASSWORD);
    public static final Login KOELN = new Login("koeln.koordination", "Koeln-Passwort-2026");
    public static final Login DUESSELDORF = new Login("duesseldorf.koordination", "Duesseldorf-Passwort-2026");
    public static final Login OFFICER = new Login("bezreg.pruefung", "Pruefung-Passwort-2026");
    public static final Login MINISTRY = new Login("ministerium.bewilligung", "Bewilligung-Passwort-2026");
    public static final Login AUDITOR = new Login("lrh.pruefung", "Rechnungshof-Passwort-2026");

    public static final String KOELN_CENTRE = "05315";
    public static final String DUESSELDORF_CENTRE = "05111";

    private TestAccounts() {
    }

    /** Creates the accounts through the administrator's API (again and again: 409 when they exist). */
    public static void createAll(Api api) {
        create(api, KOELN, "COORDINATOR", KOELN_CENTRE);
        create(api, DUESSELDORF, "COORDINATOR", DUESSELDORF_CENTRE);
        create(api, OFFICER, "GRANT_OFFICER", null);
        create(api, MINISTRY, "MINISTRY", null);
        create(api, AUDITOR, "AUDITOR", null);
    }

    /** A coordinator of the centre (the benchmark's clients, a coordinator for each of several centres). */
    public static void createCoordinator(Api api, Login login, String centre) {
        create(api, login, "COORDINATOR", centre);
    }

    private static void create(Api api, Login login, String role, String centre) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("username", login.username(), "password", login.password(), "role", role));
        if (centre != null) {
            body.put("centreId", centre);
        }
        Api.Response r = api.post("/api/admin/accounts", body, ADMIN);
        if (r.status() != 201 && r.status() != 409) {
            throw new IllegalStateException("cannot create test account " + login.username() + ": " + r);
        }
    }
}
