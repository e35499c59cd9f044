package nrw.komman.web.activity;

import nrw.komman.kernel.access.Action;
import nrw.komman.kernel.activity.ActivityLogSort;
import nrw.komman.kernel.activity.ActivityPage;
import nrw.komman.kernel.activity.ActivityView;
import nrw.komman.kernel.activity.FindActivityLogQuery;
import nrw.komman.kernel.activity.LogPeriod;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Nrw;
import nrw.komman.kernel.grant.FindGrantsQuery;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.grant.GrantView;
import nrw.komman.web.platform.QueryDispatcher;
import nrw.komman.web.platform.Today;
import nrw.komman.web.platform.export.CsvWriter;
import nrw.komman.web.platform.export.ExportWording;
import nrw.komman.web.platform.export.PersonalDataDownloads;
import nrw.komman.web.platform.export.XlsxWriter;
import nrw.komman.web.platform.page.FormPage;
import nrw.komman.web.platform.page.PageController;
import nrw.komman.web.platform.page.SortableColumns;
import nrw.komman.web.platform.page.SortableColumns.Spec;
import nrw.komman.web.platform.page.UiAccess;
import nrw.komman.web.platform.problem.InvalidFieldException;
import nrw.komman.web.platform.security.Coordinators;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import static java.util.Map.entry;

/**
 * The centre's activity log ("Einsatzprotokoll"): every activity of a period (this month unless the coordinator
 * chooses another), withdrawn ones marked, sortable by each column without JavaScript, as CSV and XLSX, and a print
 * layout. The period's rules are the kernel's ({@link LogPeriod}), checked all at once through the form flow.
 */
@PageController
class ActivityLogPages {

    static final int PAGE_SIZE = 50;
    static final String PATH = "/zentrum/einsaetze";

    static final Map<String, ActivityLogSort> SORTS = Map.of("datum", ActivityLogSort.DATE,
            "person", ActivityLogSort.VOLUNTEER, "kategorie", ActivityLogSort.CATEGORY, "dauer", ActivityLogSort.DURATION,
            "zuwendung", ActivityLogSort.GRANT, "status", ActivityLogSort.STATUS);

    static final List<Spec> COLUMNS = List.of(
            Spec.sortable("datum", "activity.date").descendingFirst(),
            Spec.sortable("person", "activity.volunteer"),
            Spec.sortable("kategorie", "activity.category"),
            Spec.sortable("dauer", "activity.duration").numeric().descendingFirst(),
            Spec.sortable("zuwendung", "activity-log.grant"),
            Spec.sortable("status", "activity-log.status"));

    /** Which filter field a refusal's code is about. */
    static final Map<String, String> PERIOD_FIELDS = Map.ofEntries(entry("period.from", "von"), entry("period.to", "bis"),
            entry("period.reversed", "bis"), entry("period.too-long", "bis"), entry("from", "von"), entry("to", "bis"));
    static final List<String> PERIOD_ORDER = List.of("von", "bis");

    static final List<String> FILE_COLUMNS = List.of("Datum", "Ehrenamtliche*r", "Kategorie", "Dauer (Minuten)", "Dauer",
            "Zuwendung", "Status", "Notiz");

    private final FormPage forms;
    private final QueryDispatcher queries;
    private final Today today;
    private final MessageSource messages;

    ActivityLogPages(FormPage forms, QueryDispatcher queries, Today today, MessageSource messages) {
        this.forms = forms;
        this.queries = queries;
        this.today = today;
        this.messages = messages;
    }

    @GetMapping(PATH)
    String log(@ModelAttribute("form") LogPeriodForm form, BindingResult binding,
               @RequestParam(name = "sort", required = false) String sort,
               @RequestParam(name = "dir", required = false) String dir,
               @RequestParam(name = "seite", defaultValue = "1") int page,
               @RequestParam Map<String, String> parameters, Model model, Locale locale) {
        YearMonth month = YearMonth.from(today.date());
        if (!parameters.containsKey("von") && !parameters.containsKey("bis")) {
            form.setVon(month.atDay(1));
            form.setBis(month.atEndOfMonth());
        }
        // said as such also after sorting, whose links name the days
        boolean thisMonth = month.atDay(1).equals(form.getVon()) && month.atEndOfMonth().equals(form.getBis());
        String cleanSort = sort != null && SORTS.containsKey(sort) ? sort : "datum";
        boolean descending = sort == null || !SORTS.containsKey(sort) || SortableColumns.descending(dir);
        model.addAttribute("fieldOrder", PERIOD_ORDER);
        model.addAttribute("nav", "activity-log");
        model.addAttribute("thisMonth", thisMonth);
        return forms.post(binding, model, locale, PERIOD_FIELDS)
                // a day that did not parse has its error already; the others are the kernel's, all in one answer
                .alsoCheck(() -> {
                            if (!binding.hasFieldErrors("von")) {
                                LogPeriod.checkFrom(form.getVon());
                            }
                        }, () -> {
                            if (!binding.hasFieldErrors("bis")) {
                                LogPeriod.checkTo(form.getBis());
                            }
                        }, () -> {
                            if (form.getVon() != null && form.getBis() != null) {
                                LogPeriod.checkRange(form.getVon(), form.getBis());
                            }
                        })
                .thenShow(() -> page(form, cleanSort, descending, Math.max(page, 1) - 1, model, locale))
                .orShowAgain(() -> "coordinator/activity-log");
    }

    private String page(LogPeriodForm form, String sort, boolean descending, int pageIndex, Model model, Locale locale) {
        ActivityPage found = find(form, sort, descending, pageIndex, PAGE_SIZE);
        Map<String, Object> keep = new LinkedHashMap<>();
        keep.put("von", form.getVon());
        keep.put("bis", form.getBis());
        String sorted = SortableColumns.link(PATH, keep, sort, descending);
        model.addAttribute("found", found);
        model.addAttribute("grants", grantTitles());
        model.addAttribute("columns", SortableColumns.of(PATH, keep, sort, descending, COLUMNS));
        model.addAttribute("sort", sort);
        model.addAttribute("dir", descending ? "desc" : "asc");
        model.addAttribute("summary", summary(form, sort, descending, locale));
        model.addAttribute("csvHref", sorted.replaceFirst("^" + PATH, PATH + ".csv"));
        model.addAttribute("xlsxHref", sorted.replaceFirst("^" + PATH, PATH + ".xlsx"));
        model.addAttribute("pageNumber", pageIndex + 1);
        model.addAttribute("pages", Math.max(1, (found.totalItems() + PAGE_SIZE - 1) / PAGE_SIZE));
        Map<String, Object> paging = new LinkedHashMap<>(keep);
        paging.put("sort", sort);
        paging.put("dir", descending ? "desc" : "asc");
        paging.put("seite", pageIndex);
        model.addAttribute("previousHref", SortableColumns.address(PATH, paging));
        paging.put("seite", pageIndex + 2);
        model.addAttribute("nextHref", SortableColumns.address(PATH, paging));
        return "coordinator/activity-log";
    }

    // ---- the same log as a file -----------------------------------------------------------------

    @GetMapping(PATH + ".csv")
    ResponseEntity<byte[]> csv(@ModelAttribute("form") LogPeriodForm form, BindingResult binding,
                               @RequestParam(name = "sort", required = false) String sort,
                               @RequestParam(name = "dir", required = false) String dir) {
        String cleanSort = sort != null && SORTS.containsKey(sort) ? sort : "datum";
        boolean descending = sort == null || !SORTS.containsKey(sort) || SortableColumns.descending(dir);
        List<ActivityView> all = all(form, binding, cleanSort, descending);
        Map<GrantId, String> grants = grantTitles();
        CsvWriter csv = new CsvWriter().line(List.of(summary(form, cleanSort, descending, Locale.GERMAN))).line(FILE_COLUMNS);
        for (ActivityView a : all) {
            csv.line(row(a, grants).stream().map(cell -> cell instanceof Integer n ? String.valueOf(n)
                    : cell == null ? "" : cell.toString()).toList());
        }
        return PersonalDataDownloads.download("activity log", fileName(form, "csv"), CsvWriter.CONTENT_TYPE, csv.bytes(), all.size());
    }

    @GetMapping(PATH + ".xlsx")
    ResponseEntity<byte[]> xlsx(@ModelAttribute("form") LogPeriodForm form, BindingResult binding,
                                @RequestParam(name = "sort", required = false) String sort,
                                @RequestParam(name = "dir", required = false) String dir) {
        String cleanSort = sort != null && SORTS.containsKey(sort) ? sort : "datum";
        boolean descending = sort == null || !SORTS.containsKey(sort) || SortableColumns.descending(dir);
        List<ActivityView> all = all(form, binding, cleanSort, descending);
        Map<GrantId, String> grants = grantTitles();
        List<List<?>> sheet = new ArrayList<>();
        sheet.add(new ArrayList<>(FILE_COLUMNS));
        all.forEach(a -> sheet.add(row(a, grants)));
        byte[] body = new XlsxWriter().sheet("Einsatzprotokoll", sheet)
                .sheet("Stand", List.of(List.of(summary(form, cleanSort, descending, Locale.GERMAN)))).bytes();
        return PersonalDataDownloads.download("activity log", fileName(form, "xlsx"), PersonalDataDownloads.XLSX_CONTENT_TYPE,
                body, all.size());
    }

    /** One entry in the files' columns: the minutes as a number, the duration as the page shows it. */
    private static List<Object> row(ActivityView a, Map<GrantId, String> grants) {
        return Arrays.asList(ExportWording.date(a.date()), a.volunteerName() == null ? "(Daten gelöscht)" : a.volunteerName(),
                ExportWording.category(a.category()), a.minutes(), ExportWording.duration(a.minutes()),
                a.grantId() == null ? "" : grants.getOrDefault(a.grantId(), ""), status(a), a.note());
    }

    private static String status(ActivityView a) {
        return a.withdrawn() ? "zurückgenommen" : a.corrected() ? "korrigiert" : "erfasst";
    }

    /** The whole period in its order; a wrong period answers 400 with the kernel's words, as the API does. */
    private List<ActivityView> all(LogPeriodForm form, BindingResult binding, String sort, boolean descending) {
        UiAccess.require(Action.EXPORT_CENTRE_LISTS);
        if (binding.hasFieldErrors("von")) {
            throw new InvalidFieldException("von", "period.from.invalid", "Der erste Tag des Zeitraums ist kein gültiges Datum.");
        }
        if (binding.hasFieldErrors("bis")) {
            throw new InvalidFieldException("bis", "period.to.invalid", "Der letzte Tag des Zeitraums ist kein gültiges Datum.");
        }
        List<ActivityView> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            ActivityPage found = find(form, sort, descending, page, FindActivityLogQuery.MAX_SIZE);
            all.addAll(found.items());
            if (found.items().isEmpty() || all.size() >= found.totalItems()) {
                return all;
            }
        }
    }

    private ActivityPage find(LogPeriodForm form, String sort, boolean descending, int page, int size) {
        CentreId centre = Coordinators.centre();
        return queries.one(new FindActivityLogQuery(centre, form.getVon(), form.getBis(), SORTS.get(sort), descending, page, size),
                ActivityPage.class, "centre.not-found", "Das Integrationszentrum " + centre + " gibt es nicht.");
    }

    /** The centre's grants by id, for their titles (the log holds the id only). */
    private Map<GrantId, String> grantTitles() {
        return queries.list(new FindGrantsQuery(Coordinators.centre(), null, null), GrantView.class).stream()
                .collect(Collectors.toMap(GrantView::grantId, GrantView::title, (a, b) -> a));
    }

    /** {@code einsaetze-05315-2026-12-01-bis-2026-12-31.csv}: what and when, never a person. */
    private static String fileName(LogPeriodForm form, String extension) {
        return "einsaetze-" + Coordinators.centre().value() + "-" + form.getVon() + "-bis-" + form.getBis() + "." + extension;
    }

    /** "Stand 06.12.2026, 01.12.2026 bis 31.12.2026, sortiert nach Datum (absteigend)". */
    private String summary(LogPeriodForm form, String sort, boolean descending, Locale locale) {
        String column = COLUMNS.stream().filter(c -> sort.equals(c.sort())).findFirst().orElseThrow().label();
        return String.join(", ",
                text("roster.summary.as-of", locale, Nrw.date(today.date())),
                text("activity-log.summary.period", locale, Nrw.date(form.getVon()), Nrw.date(form.getBis())),
                text("roster.summary.sorted", locale, text(column, locale),
                        text(descending ? "sort.descending" : "sort.ascending", locale)));
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
