package nrw.komman.app.browser;

import nrw.komman.app.support.Api;
import nrw.komman.app.support.Api.Response;
import nrw.komman.app.support.OnH2;
import nrw.komman.app.support.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static nrw.komman.app.support.TestAccounts.KOELN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The roster and the Einsatzprotokoll in headless Chromium, as a coordinator uses them: two people of the same name
 * told apart by their contact and registration date, sorting by clicking a column header (aria-sort, the filter
 * kept), both lists downloaded as CSV and XLSX and read back (rows, columns, no formula runs), and printed (print
 * media emulated: no header, navigation, filter form or download links, only the title, the line of what the list
 * shows, and the table). Every page is checked by axe-core and saved as a screenshot (see {@link Browser}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RosterAndLogInTheBrowserTest extends OnH2 {

    private static final ZoneId NRW = ZoneId.of("Europe/Berlin");
    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    @LocalServerPort
    int port;

    private Browser browser;

    @BeforeAll
    void start() {
        TestAccounts.createAll(new Api(port));
        browser = new Browser(port);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.visited().forEach(page -> System.out.println("visited " + page));
            browser.close();
        }
    }

    private String register(String name, String email, String phone, String registeredOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        if (email != null) {
            body.put("email", email);
        }
        if (phone != null) {
            body.put("phone", phone);
        }
        body.put("languages", List.of("ar", "de"));
        body.put("interests", List.of("EDUCATION"));
        body.put("consent", Map.of("document", "Einwilligung Datenverarbeitung", "version", "2024-01",
                "givenAt", registeredOn + "T10:00:00Z"));
        body.put("registeredOn", registeredOn);
        Response registered = new Api(port).post("/api/centres/05315/volunteers", body, KOELN);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return registered.text("volunteerId");
    }

    private void log(String volunteerId, int minutes, String note) {
        Map<String, Object> activity = new HashMap<>(Map.of("date", LocalDate.now(NRW).toString(), "minutes", minutes,
                "category", "EDUCATION", "note", note));
        Response logged = new Api(port).post("/api/volunteers/" + volunteerId + "/activities", activity, KOELN);
        assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
    }

    /** The column header's link (its text also holds hidden words for screen readers). */
    private WebElement header(String label) {
        return browser.driver().findElement(By.xpath("//th[.//span[normalize-space(.)='" + label + "']]"));
    }

    private void sortBy(String label) {
        browser.clickAndAwaitNextPage(header(label).findElement(By.tagName("a")));
    }

    private List<String> column(int index) {
        return browser.all("table tbody tr").stream()
                .map(row -> row.findElements(By.tagName("td")).get(index).getText()).toList();
    }

    private void printMedia(boolean print) {
        ((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("media", print ? "print" : ""));
    }

    private static String sheet(byte[] xlsx, String entry) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().equals(entry)) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no " + entry + " in the file");
    }

    private void printsOnlyTitleSummaryAndTable(String name) {
        printMedia(true);
        try {
            browser.page(name);
            assertThat(browser.find("h1").isDisplayed()).isTrue();
            assertThat(browser.find(".list-summary").isDisplayed()).isTrue();
            assertThat(browser.find("table").isDisplayed()).isTrue();
            assertThat(browser.find("header.site-header").isDisplayed()).as("the header with the navigation").isFalse();
            assertThat(browser.find("nav.main-nav").isDisplayed()).isFalse();
            assertThat(browser.find("form.filters").isDisplayed()).as("the filter form").isFalse();
            assertThat(browser.find(".list-downloads").isDisplayed()).as("the download links").isFalse();
            assertThat(browser.all("button").stream().noneMatch(WebElement::isDisplayed)).as("no button").isTrue();
        } finally {
            printMedia(false);
        }
    }

    @Test
    void the_roster_tells_namesakes_apart_sorts_by_a_header_downloads_what_it_shows_and_prints_only_the_list() throws Exception {
        String mark = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        register("Anton Berg " + mark, "anton." + mark + "@example.org", null, "2025-01-15");
        register("Anton Berg " + mark, null, "+49 221 555 " + mark.substring(0, 4).replaceAll("[a-f]", "7"), "2025-06-02");
        register("=1+2 Zora " + mark, "zora." + mark + "@example.org", null, "2025-03-10");

        browser.signIn(KOELN.username(), KOELN.password());
        browser.open("/ehrenamtliche?suche=" + mark, "roster-gesucht");
        assertThat(browser.all("table tbody tr")).hasSize(3);
        assertThat(column(0)).containsExactly("=1+2 Zora " + mark, "Anton Berg " + mark, "Anton Berg " + mark)
                .as("by name, A to Z: '=' sorts before letters");
        // two people of the same name: told apart by contact and registration
        assertThat(browser.text("table")).contains("anton." + mark + "@example.org", "+49 221 555", "15.01.2025", "02.06.2025",
                "Arabisch, Deutsch");
        assertThat(header("Name").getAttribute("aria-sort")).isEqualTo("ascending");
        assertThat(browser.text(".list-summary")).contains("Stand " + LocalDate.now(NRW).format(GERMAN_DATE),
                "Suche „" + mark + "“", "sortiert nach Name (aufsteigend)");

        sortBy("Registriert am");
        browser.page("roster-nach-registrierung");
        assertThat(browser.path()).contains("suche=" + mark, "sort=registriert", "dir=desc");
        assertThat(header("Registriert am").getAttribute("aria-sort")).isEqualTo("descending");
        assertThat(header("Name").getAttribute("aria-sort")).isNull();
        assertThat(column(2)).containsExactly("02.06.2025", "10.03.2025", "15.01.2025");
        sortBy("Registriert am");
        browser.page("roster-nach-registrierung-aufsteigend");
        assertThat(column(2)).containsExactly("15.01.2025", "10.03.2025", "02.06.2025");
        assertThat(header("Registriert am").getAttribute("aria-sort")).isEqualTo("ascending");

        // the files: what the page shows, in its order
        HttpResponse<byte[]> csv = browser.download(browser.driver().findElement(By.linkText("Als CSV herunterladen")).getAttribute("href"));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("attachment", "ehrenamtliche-05315-");
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        List<String> lines = List.of(text.substring(1).split("\r\n"));
        assertThat(text).startsWith("\uFEFF");
        assertThat(lines.get(1)).isEqualTo("Name;E-Mail-Adresse;Telefonnummer;Registriert seit;Sprachen;Interessen;Status;Stunden dieses Jahr");
        assertThat(lines.subList(2, lines.size())).hasSize(3);
        assertThat(lines.get(2)).startsWith("Anton Berg " + mark + ";anton." + mark + "@example.org;;15.01.2025;Arabisch, Deutsch;");
        assertThat(lines.get(3)).startsWith("'=1+2 Zora " + mark + ";").as("a formula is written as text");
        assertThat(lines.get(4)).contains(";02.06.2025;");
        HttpResponse<byte[]> xlsx = browser.download(browser.driver().findElement(By.linkText("Als Excel (XLSX) herunterladen")).getAttribute("href"));
        assertThat(xlsx.statusCode()).isEqualTo(200);
        String rows = sheet(xlsx.body(), "xl/worksheets/sheet1.xml");
        assertThat(rows).contains("Anton Berg " + mark, "anton." + mark + "@example.org", "=1+2 Zora " + mark)
                .doesNotContain("<f>");
        assertThat(rows.indexOf("anton." + mark)).isLessThan(rows.indexOf("Zora " + mark));

        printsOnlyTitleSummaryAndTable("roster-druck");
    }

    @Test
    void the_log_shows_this_month_sorts_downloads_and_prints() throws Exception {
        String mark = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String short_ = register("Kurz " + mark, "kurz." + mark + "@example.org", null, "2025-01-15");
        String long_ = register("Lang " + mark, "lang." + mark + "@example.org", null, "2025-01-15");
        log(short_, 15, "@SUMME(A1) " + mark);
        log(long_, 1439, "Begleitung " + mark);

        browser.signIn(KOELN.username(), KOELN.password());
        browser.page("log-start");
        browser.click("Einsatzprotokoll");
        browser.page("log-dieser-monat");
        assertThat(browser.path()).isEqualTo("/zentrum/einsaetze");
        YearMonth month = YearMonth.now(NRW);
        assertThat(browser.find("#von").getAttribute("value")).isEqualTo(month.atDay(1).toString());
        assertThat(browser.find("#bis").getAttribute("value")).isEqualTo(month.atEndOfMonth().toString());
        assertThat(browser.text(".list-summary")).contains("(dieser Monat)", month.atDay(1).format(GERMAN_DATE));
        assertThat(header("Datum").getAttribute("aria-sort")).isEqualTo("descending");

        sortBy("Dauer");
        browser.page("log-nach-dauer");
        assertThat(header("Dauer").getAttribute("aria-sort")).isEqualTo("descending");
        List<String> longestFirst = column(1);
        assertThat(longestFirst.indexOf("Lang " + mark)).isLessThan(longestFirst.indexOf("Kurz " + mark));
        assertThat(browser.text(".list-summary")).contains("(dieser Monat)", "sortiert nach Dauer (absteigend)");
        sortBy("Dauer");
        browser.page("log-nach-dauer-aufsteigend");
        List<String> people = column(1);
        assertThat(people.indexOf("Kurz " + mark)).isLessThan(people.indexOf("Lang " + mark));

        HttpResponse<byte[]> csv = browser.download(browser.driver().findElement(By.linkText("Als CSV herunterladen")).getAttribute("href"));
        assertThat(csv.statusCode()).isEqualTo(200);
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).contains("Datum;Ehrenamtliche*r;Kategorie;Dauer (Minuten);Dauer;Zuwendung;Status;Notiz\r\n");
        String today = LocalDate.now(NRW).format(GERMAN_DATE);
        assertThat(text).contains(today + ";Kurz " + mark + ";Hausaufgabenhilfe und Bildung;15;15 Min.;;erfasst;'@SUMME(A1) " + mark)
                .contains(today + ";Lang " + mark + ";Hausaufgabenhilfe und Bildung;1439;23 Std. 59 Min.;;erfasst;Begleitung " + mark);
        assertThat(text.indexOf("Kurz " + mark)).as("sorted as the page: shortest first").isLessThan(text.indexOf("Lang " + mark));
        HttpResponse<byte[]> xlsx = browser.download(browser.driver().findElement(By.linkText("Als Excel (XLSX) herunterladen")).getAttribute("href"));
        String rows = sheet(xlsx.body(), "xl/worksheets/sheet1.xml");
        assertThat(rows).contains("@SUMME(A1) " + mark, "<v>1439</v>").doesNotContain("<f>");

        printsOnlyTitleSummaryAndTable("log-druck");
    }

    @Test
    void a_wrong_period_is_named_in_full_in_one_answer() {
        browser.signIn(KOELN.username(), KOELN.password());
        browser.open("/zentrum/einsaetze", "log-zeitraum");
        browser.date("von", null);
        browser.date("bis", LocalDate.of(2020, 1, 1));
        browser.click("Anzeigen");
        browser.page("log-zeitraum-fehler");
        assertThat(browser.driver().getTitle()).startsWith("Fehler: ");
        assertThat(browser.text(".error-summary")).contains("Bitte geben Sie den ersten Tag des Zeitraums an.");
        assertThat(browser.find("#von").getAttribute("aria-describedby")).isEqualTo("von-fehler");
        assertThat(browser.all("table")).isEmpty();

        browser.date("von", LocalDate.of(2021, 6, 1));
        browser.click("Anzeigen");
        browser.page("log-zeitraum-verkehrt");
        assertThat(browser.text(".error-summary")).contains("Der Beginn des Zeitraums liegt nach seinem Ende.");
    }
}
