package nrw.komman.web.report;

import nrw.komman.kernel.access.Action;
import nrw.komman.web.platform.page.PageController;
import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.common.NotFoundException;
import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.grant.FundingYear;
import nrw.komman.kernel.report.AnnualReport;
import nrw.komman.kernel.report.ReportFigures;
import nrw.komman.kernel.report.ReportJob;
import nrw.komman.web.report.AnnualReportFiles;
import nrw.komman.web.report.AnnualReports;
import nrw.komman.web.platform.Today;
import nrw.komman.web.platform.page.Formats;
import nrw.komman.web.platform.page.SvgChart;
import nrw.komman.web.platform.page.UiAccess;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The annual KOMM-AN report as of a past date, for every role: the state's (ministry, grant authority,
 * auditors, administrators; narrowed to one centre on request) or the coordinator's own centre's. Counts,
 * hours and money, never names; replayed from the events, so the same date always gives the same report.
 * A report is made at once ("Bericht erstellen") or in the background with visible progress, kept for
 * colleagues with the same rights ("Im Hintergrund erstellen").
 */
@PageController
class ReportPages {

    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("d.M.uuuu")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT); // 31.2. is a typing error, not the 28th
    private static final List<String> FORMATS = List.of("csv", "pdf", "xlsx");
    private final AnnualReports reports;
    private final Today today;
    private final Formats fmt;
    private final MessageSource messages;

    ReportPages(AnnualReports reports, Today today, Formats fmt, MessageSource messages) {
        this.reports = reports;
        this.today = today;
        this.fmt = fmt;
        this.messages = messages;
    }

    /** The form and the recent background reports; with a year chosen, the report of that year and date. */
    @GetMapping("/berichte")
    public String annual(@ModelAttribute("reportForm") ReportForm form, BindingResult errors, Model model, Locale locale) {
        boolean chosen = form.getJahr() != null;
        defaults(form);
        LocalDate stand = parseStand(form.getStand(), errors);
        if (chosen && !errors.hasErrors()) {
            try {
                AnnualReport report = reports.fetch(form.getJahr(), stand, null, form.getZentrum());
                show(report, downloads("/berichte/jahresbericht", report), model, locale);
            } catch (NotFoundException e) {
                if (AnnualReport.NO_DATA.equals(e.code())) {
                    // an answer, not a mistake: the same notice for every role, in the page's column, not the form's
                    model.addAttribute("noData", e.getMessage());
                } else {
                    refuse(form, errors, e);
                }
            } catch (InvalidInputException e) {
                refuse(form, errors, e);
            }
        }
        return page(model, errors);
    }

    /** Shown on the form, which keeps what was chosen; a centre that is not found, at the centre's field. */
    private static void refuse(ReportForm form, BindingResult errors, nrw.komman.kernel.common.DomainException e) {
        if (form.getZentrum() != null && !form.getZentrum().isBlank() && e.code().startsWith("centre")) {
            errors.rejectValue("zentrum", e.code(), e.getMessage());
        } else if (e.code().startsWith("report.as-of")) {
            errors.rejectValue("stand", e.code(), e.getMessage());
        } else {
            errors.reject(e.code(), e.getMessage());
        }
    }

    /** The form's two buttons: the report now (to the address that shows it), or in the background (to its job). */
    @PostMapping("/berichte")
    public String create(@ModelAttribute("reportForm") ReportForm form, BindingResult errors,
                         @RequestParam(name = "art", defaultValue = "jetzt") String how, Model model, Locale locale,
                         RedirectAttributes redirect) {
        defaults(form);
        LocalDate stand = parseStand(form.getStand(), errors);
        if (errors.hasErrors()) {
            return page(model, errors);
        }
        if (!"hintergrund".equals(how)) {
            return "redirect:" + UriComponentsBuilder.fromPath("/berichte").queryParam("jahr", form.getJahr())
                    .queryParam("stand", stand).queryParamIfPresent("zentrum", blankToEmpty(form.getZentrum()))
                    .encode().build().toUriString();
        }
        try {
            String jobId = reports.startJob(form.getJahr(), stand, null, form.getZentrum());
            redirect.addFlashAttribute("confirmation", messages.getMessage("annual-report.job.started", null, locale));
            return "redirect:/berichte/auftraege/" + jobId;
        } catch (InvalidInputException | NotFoundException | nrw.komman.kernel.common.RuleViolationException e) {
            refuse(form, errors, e);
            return page(model, errors);
        }
    }

    /**
     * The files of the report shown: with the exact cut-off of that report ({@code bis}), so a report of today
     * downloaded a minute later is still the same report, checksum and all.
     */
    @GetMapping("/berichte/jahresbericht.{format:csv|pdf|xlsx}")
    public ResponseEntity<byte[]> file(@PathVariable String format, @ModelAttribute("reportForm") ReportForm form, BindingResult errors,
                                       @RequestParam(name = "bis", required = false) java.time.Instant cutOff) {
        int year = form.getJahr() == null ? today.date().getYear() : form.getJahr();
        LocalDate stand = form.getStand() == null || form.getStand().isBlank() ? null : parseStand(form.getStand(), errors);
        if (errors.hasErrors()) {
            throw new InvalidInputException("report.as-of.invalid", errors.getAllErrors().get(0).getDefaultMessage());
        }
        return AnnualReportFiles.download(reports.fetch(year, cutOff == null ? stand : null, cutOff, form.getZentrum()), format);
    }

    /** A background report: how far it got; when done, the way to the report and its files. */
    @GetMapping("/berichte/auftraege/{jobId}")
    public String job(@PathVariable String jobId, Model model) {
        ReportJob job = reports.job(jobId);
        model.addAttribute("job", job);
        model.addAttribute("nav", "reports");
        return "report/job";
    }

    @GetMapping("/berichte/auftraege/{jobId}/bericht")
    public String jobReport(@PathVariable String jobId, Model model, Locale locale) {
        ReportJob job = reports.job(jobId);
        AnnualReport report = reports.jobResult(job);
        ReportForm form = new ReportForm();
        form.setJahr(report.fundingYear());
        form.setStand(report.asOf().toString());
        form.setZentrum(report.centreId() == null ? null : report.centreId().value());
        model.addAttribute("reportForm", form);
        model.addAttribute("fromJob", job);
        show(report, downloads("/berichte/auftraege/" + jobId + "/bericht", null), model, locale);
        return page(model, null);
    }

    @GetMapping("/berichte/auftraege/{jobId}/bericht.{format:csv|pdf|xlsx}")
    public ResponseEntity<byte[]> jobFile(@PathVariable String jobId, @PathVariable String format) {
        return AnnualReportFiles.download(reports.jobResult(jobId), format);
    }

    private void defaults(ReportForm form) {
        if (form.getJahr() == null) {
            form.setJahr(today.date().getYear());
        }
        if (form.getStand() == null || form.getStand().isBlank()) {
            form.setStand(today.date().toString());
        }
    }

    private String page(Model model, BindingResult errors) {
        int current = today.date().getYear();
        model.addAttribute("nav", "reports");
        model.addAttribute("formHasErrors", errors != null && errors.hasErrors()); // the title starts with "Fehler: "
        model.addAttribute("years", IntStream.rangeClosed(FundingYear.FIRST, current + 1).boxed()
                .sorted(Comparator.reverseOrder()).toList());
        model.addAttribute("seesAllCentres", UiAccess.reachesAnyCentre(Action.READ_REPORTS));
        model.addAttribute("fieldOrder", List.of("jahr", "stand", "zentrum"));
        if (!model.containsAttribute("report")) {
            model.addAttribute("jobs", reports.jobs()); // the list stands only on the page without a report
        }
        return "report/annual";
    }

    private static java.util.Optional<String> blankToEmpty(String text) {
        return text == null || text.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(text.trim());
    }

    /** Format → address of the file; {@code report} null: the base needs no parameters (a job's files). */
    private static Map<String, String> downloads(String base, AnnualReport report) {
        Map<String, String> links = new LinkedHashMap<>();
        for (String format : FORMATS) {
            UriComponentsBuilder uri = UriComponentsBuilder.fromPath(base + "." + format);
            if (report != null) {
                uri.queryParam("jahr", report.fundingYear()).queryParam("stand", report.asOf()).queryParam("bis", report.cutOff());
                if (report.centreId() != null) {
                    uri.queryParam("zentrum", report.centreId().value());
                }
            }
            links.put(format, uri.encode().build().toUriString());
        }
        return links;
    }

    private static LocalDate parseStand(String text, BindingResult errors) {
        String value = text.trim();
        try {
            return value.contains(".") ? LocalDate.parse(value, GERMAN_DATE) : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.rejectValue("stand", "report.as-of.invalid", "Bitte den Stichtag als Datum angeben, z. B. 31.12.2026.");
            return null;
        }
    }

    private void show(AnnualReport report, Map<String, String> downloads, Model model, Locale locale) {
        model.addAttribute("report", report);
        model.addAttribute("downloads", downloads);
        model.addAttribute("figures", report.total());
        Map<nrw.komman.kernel.centre.CentreId, String> names = new java.util.HashMap<>();
        report.centres().forEach(c -> names.put(c.centreId(), c.name()));
        model.addAttribute("centreNames", names); // a centre's budget share by its name, not its key
        // 54 rows of which most are zeros made the page thousands of pixels long: the centres without any figure
        // are named in one closed list below the table
        model.addAttribute("centresWithFigures", report.centres().stream().filter(c -> !nothingIn(c.figures())).toList());
        model.addAttribute("centresWithout", report.centres().stream().filter(c -> nothingIn(c.figures())).toList());
        // a chart of zeros says nothing a sentence would not say better: charts only where there is something to draw
        if (report.total().minutes() > 0) {
            model.addAttribute("hoursChart", hoursPerMonth(report.total(), locale));
        }
        model.addAttribute("categoriesUsed", used(report.total()));
        // the tables list what happened, not every status and category with a zero
        model.addAttribute("grantsCounted", nonZero(report.total().grantsByStatus()));
        model.addAttribute("grantsTotal", report.total().grantsByStatus().values().stream().mapToLong(Long::longValue).sum());
        model.addAttribute("activitiesCounted", nonZero(report.total().activitiesByCategory()));
        if (!report.regions().isEmpty()) {
            Map<String, Double> volunteers = new LinkedHashMap<>();
            Map<String, Double> approved = new LinkedHashMap<>();
            for (AnnualReport.Region r : report.regions()) {
                volunteers.put(r.regierungsbezirk().displayName(), (double) r.figures().activeVolunteers());
                approved.put(r.regierungsbezirk().displayName(), r.figures().approved().cents() / 100.0);
            }
            if (report.total().activeVolunteers() > 0) {
                model.addAttribute("volunteersChart", SvgChart.bars(volunteers, v -> fmt.number(Math.round(v))));
            }
            if (report.total().approved().cents() > 0) {
                model.addAttribute("moneyChart", SvgChart.bars(approved, v -> fmt.euro(Money.ofCents(Math.round(v * 100)))));
            }
        }
    }

    private static boolean nothingIn(ReportFigures f) {
        return f.activeVolunteers() == 0 && f.newVolunteers() == 0 && f.activities() == 0 && f.minutes() == 0
                && f.grantsByStatus().values().stream().allMatch(n -> n == null || n == 0)
                && f.requested().cents() == 0 && f.approved().cents() == 0 && f.disbursed().cents() == 0;
    }

    private static <K> Map<K, Long> nonZero(Map<K, Long> counts) {
        Map<K, Long> rows = new LinkedHashMap<>();
        counts.forEach((key, count) -> {
            if (count != null && count > 0) {
                rows.put(key, count);
            }
        });
        return rows;
    }

    /** Hours per month of the funding year, stacked by category (only the categories with hours). */
    private SvgChart hoursPerMonth(ReportFigures figures, Locale locale) {
        List<ActivityCategory> used = used(figures);
        List<String> series = used.stream().map(c -> messages.getMessage("category." + c.name(), null, c.name(), locale)).toList();
        List<String> months = new ArrayList<>();
        Map<String, Map<String, Double>> values = new LinkedHashMap<>();
        figures.minutesByMonth().forEach((month, byCategory) -> {
            String label = Month.of(month).getDisplayName(TextStyle.SHORT, locale);
            months.add(label);
            Map<String, Double> row = new LinkedHashMap<>();
            for (int i = 0; i < used.size(); i++) {
                row.put(series.get(i), byCategory.getOrDefault(used.get(i), 0L) / 60.0);
            }
            values.put(label, row);
        });
        return SvgChart.stackedColumns(months, series, values, hours -> fmt.duration(Math.round(hours * 60)));
    }

    private static List<ActivityCategory> used(ReportFigures figures) {
        return Arrays.stream(ActivityCategory.values())
                .filter(c -> figures.minutesByCategory().getOrDefault(c, 0L) > 0).toList();
    }
}
