package nrw.komman.web.volunteer;

import nrw.komman.kernel.access.Action;
import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Nrw;
import nrw.komman.kernel.volunteer.FindVolunteersQuery;
import nrw.komman.kernel.volunteer.RosterSort;
import nrw.komman.kernel.volunteer.VolunteerPage;
import nrw.komman.kernel.volunteer.VolunteerStatus;
import nrw.komman.kernel.volunteer.VolunteerView;
import nrw.komman.web.platform.QueryDispatcher;
import nrw.komman.web.platform.Today;
import nrw.komman.web.platform.export.CsvWriter;
import nrw.komman.web.platform.export.PersonalDataDownloads;
import nrw.komman.web.platform.page.LanguageNames;
import nrw.komman.web.platform.page.PageController;
import nrw.komman.web.platform.page.SortableColumns;
import nrw.komman.web.platform.page.SortableColumns.Spec;
import nrw.komman.web.platform.page.UiAccess;
import nrw.komman.web.platform.security.Coordinators;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The centre's roster: search and filters, columns that tell people of the same name apart (contact, registration
 * date), sorting by a column header without JavaScript, the same list as CSV and XLSX, and a line that says what
 * the list shows (also on paper). The read model holds the personal data sealed (ADR 22): the query side opens,
 * filters and sorts in memory.
 */
@PageController
class RosterPages {

    static final int PAGE_SIZE = 25;

    /** The sort values of the address and the roster's order each names. */
    static final Map<String, RosterSort> SORTS = Map.of("name", RosterSort.NAME, "kontakt", RosterSort.CONTACT,
            "registriert", RosterSort.REGISTERED_ON, "status", RosterSort.STATUS, "stunden", RosterSort.HOURS);

    static final List<Spec> COLUMNS = List.of(
            Spec.sortable("name", "volunteer.name"),
            Spec.sortable("kontakt", "roster.contact"),
            Spec.sortable("registriert", "roster.registered-on").descendingFirst(),
            Spec.plain("volunteer.languages"),
            Spec.sortable("status", "volunteers.status"),
            Spec.sortable("stunden", "volunteer.hours-year").numeric().descendingFirst());

    private final QueryDispatcher queries;
    private final Today today;
    private final MessageSource messages;

    RosterPages(QueryDispatcher queries, Today today, MessageSource messages) {
        this.queries = queries;
        this.today = today;
        this.messages = messages;
    }

    /** The roster's filter and order as the address gives them, cleaned. */
    record Filter(String search, VolunteerStatus status, String language, ActivityCategory interest, String sort,
                  boolean descending) {

        static Filter of(String search, VolunteerStatus status, String language, ActivityCategory interest, String sort,
                         String dir) {
            String cleanSearch = search == null || search.isBlank() ? null : search.strip();
            if (cleanSearch != null && cleanSearch.length() > 200) {
                cleanSearch = cleanSearch.substring(0, 200);
            }
            String cleanLanguage = language == null || language.isBlank() || language.strip().length() > 3 ? null
                    : language.strip().toLowerCase(Locale.ROOT);
            String cleanSort = sort != null && SORTS.containsKey(sort) ? sort : "name";
            return new Filter(cleanSearch, status, cleanLanguage, interest, cleanSort, SortableColumns.descending(dir));
        }

        boolean filtered() {
            return search != null || status != null || language != null || interest != null;
        }

        /** The filter as address parameters, in the form's order. */
        Map<String, Object> parameters() {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("suche", search);
            p.put("status", status);
            p.put("sprache", language);
            p.put("interesse", interest);
            return p;
        }

        FindVolunteersQuery query(CentreId centre, int page, int size) {
            return new FindVolunteersQuery(centre, status, language, interest, search, page, size, SORTS.get(sort), descending);
        }
    }

    @GetMapping("/ehrenamtliche")
    String roster(@RequestParam(name = "suche", required = false) String search,
                  @RequestParam(name = "status", required = false) VolunteerStatus status,
                  @RequestParam(name = "sprache", required = false) String language,
                  @RequestParam(name = "interesse", required = false) ActivityCategory interest,
                  @RequestParam(name = "sort", required = false) String sort,
                  @RequestParam(name = "dir", required = false) String dir,
                  @RequestParam(name = "seite", defaultValue = "1") int page,
                  Model model, Locale locale) {
        Filter filter = Filter.of(search, status, language, interest, sort, dir);
        int pageIndex = Math.max(page, 1) - 1;
        VolunteerPage found = find(filter.query(Coordinators.centre(), pageIndex, PAGE_SIZE));
        Map<String, Object> keep = filter.parameters();
        String sorted = SortableColumns.link("/ehrenamtliche", keep, filter.sort(), filter.descending());
        model.addAttribute("found", found);
        model.addAttribute("search", filter.search());
        model.addAttribute("status", filter.status());
        model.addAttribute("language", filter.language());
        model.addAttribute("interest", filter.interest());
        model.addAttribute("sort", filter.sort());
        model.addAttribute("dir", filter.descending() ? "desc" : "asc");
        model.addAttribute("columns", SortableColumns.of("/ehrenamtliche", keep, filter.sort(), filter.descending(), COLUMNS));
        model.addAttribute("summary", summary(filter, locale));
        model.addAttribute("csvHref", sorted.replaceFirst("^/ehrenamtliche", "/ehrenamtliche/liste.csv"));
        model.addAttribute("xlsxHref", sorted.replaceFirst("^/ehrenamtliche", "/ehrenamtliche/liste.xlsx"));
        model.addAttribute("pageNumber", pageIndex + 1);
        model.addAttribute("pages", Math.max(1, (found.totalItems() + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("previousHref", pageLink(keep, filter, pageIndex));
        model.addAttribute("nextHref", pageLink(keep, filter, pageIndex + 2));
        model.addAttribute("languageChoices", Choices.languages(locale));
        model.addAttribute("categories", Choices.categories());
        model.addAttribute("nav", "volunteers");
        model.addAttribute("filtered", filter.filtered());
        return "coordinator/volunteers";
    }

    private static String pageLink(Map<String, Object> keep, Filter filter, int pageNumber) {
        Map<String, Object> p = new LinkedHashMap<>(keep);
        p.put("sort", filter.sort());
        p.put("dir", filter.descending() ? "desc" : "asc");
        p.put("seite", pageNumber);
        return SortableColumns.address("/ehrenamtliche", p);
    }

    // ---- the same list as a file ----------------------------------------------------------------

    @GetMapping("/ehrenamtliche/liste.csv")
    ResponseEntity<byte[]> csv(@RequestParam(name = "suche", required = false) String search,
                               @RequestParam(name = "status", required = false) VolunteerStatus status,
                               @RequestParam(name = "sprache", required = false) String language,
                               @RequestParam(name = "interesse", required = false) ActivityCategory interest,
                               @RequestParam(name = "sort", required = false) String sort,
                               @RequestParam(name = "dir", required = false) String dir) {
        Filter filter = Filter.of(search, status, language, interest, sort, dir);
        List<VolunteerView> all = all(filter);
        CsvWriter csv = new CsvWriter().line(List.of(summary(filter, Locale.GERMAN))).line(RosterFile.COLUMNS);
        RosterFile.rows(all).forEach(row -> csv.line(row.stream().map(RosterFile::text).toList()));
        return PersonalDataDownloads.download("roster", fileName("csv"), CsvWriter.CONTENT_TYPE, csv.bytes(), all.size());
    }

    @GetMapping("/ehrenamtliche/liste.xlsx")
    ResponseEntity<byte[]> xlsx(@RequestParam(name = "suche", required = false) String search,
                                @RequestParam(name = "status", required = false) VolunteerStatus status,
                                @RequestParam(name = "sprache", required = false) String language,
                                @RequestParam(name = "interesse", required = false) ActivityCategory interest,
                                @RequestParam(name = "sort", required = false) String sort,
                                @RequestParam(name = "dir", required = false) String dir) {
        Filter filter = Filter.of(search, status, language, interest, sort, dir);
        List<VolunteerView> all = all(filter);
        byte[] body = RosterFile.xlsx(all, summary(filter, Locale.GERMAN));
        return PersonalDataDownloads.download("roster", fileName("xlsx"), PersonalDataDownloads.XLSX_CONTENT_TYPE, body, all.size());
    }

    /** Every volunteer the filter finds, in its order, page by page of the largest size the query allows. */
    private List<VolunteerView> all(Filter filter) {
        UiAccess.require(Action.EXPORT_CENTRE_LISTS);
        CentreId centre = Coordinators.centre();
        List<VolunteerView> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            VolunteerPage found = find(filter.query(centre, page, FindVolunteersQuery.MAX_SIZE));
            all.addAll(found.items());
            if (found.items().isEmpty() || all.size() >= found.totalItems()) {
                return all;
            }
        }
    }

    /** A name that says what the file holds and when, never a person: {@code ehrenamtliche-05315-2026-12-06.csv}. */
    private String fileName(String extension) {
        return "ehrenamtliche-" + Coordinators.centre().value() + "-" + today.date() + "." + extension;
    }

    private VolunteerPage find(FindVolunteersQuery query) {
        return queries.one(query, VolunteerPage.class, "centre.not-found",
                "Das Integrationszentrum " + query.centreId() + " gibt es nicht.");
    }

    /** What the list shows, in one line for the page, the paper and the file: "Stand 06.12.2026, alle aktiven, sortiert nach Name (A–Z)". */
    String summary(Filter filter, Locale locale) {
        List<String> parts = new ArrayList<>();
        parts.add(text("roster.summary.as-of", locale, Nrw.date(today.date())));
        if (!filter.filtered()) {
            parts.add(text("roster.summary.all", locale));
        } else {
            if (filter.status() != null) {
                parts.add(text("roster.summary.status." + filter.status().name(), locale));
            }
            if (filter.language() != null) {
                parts.add(text("roster.summary.language", locale,
                        LanguageNames.of(filter.language(), locale)));
            }
            if (filter.interest() != null) {
                parts.add(text("roster.summary.interest", locale, text("category." + filter.interest().name(), locale)));
            }
            if (filter.search() != null) {
                parts.add(text("roster.summary.search", locale, filter.search()));
            }
        }
        String column = COLUMNS.stream().filter(c -> filter.sort().equals(c.sort())).findFirst().orElseThrow().label();
        parts.add(text("roster.summary.sorted", locale, text(column, locale),
                text(filter.descending() ? "sort.descending" : "sort.ascending", locale)));
        return String.join(", ", parts);
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
