package nrw.komman.web.ui.report;

import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.common.NotFoundException;
import nrw.komman.kernel.common.Role;
import nrw.komman.kernel.grant.FundingYear;
import nrw.komman.kernel.report.AnnualReport;
import nrw.komman.kernel.report.ReportFigures;
import nrw.komman.web.export.AnnualReportFiles;
import nrw.komman.web.support.AnnualReports;
import nrw.komman.web.support.Today;
import nrw.komman.web.ui.Formats;
import nrw.komman.web.ui.SvgChart;
import nrw.komman.web.ui.UiAccess;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

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
 */
@Controller
public class ReportPages {

    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("d.M.uuuu");
    private final AnnualReports reports;
    private final Today today;
    private final Formats fmt;
    private final MessageSource messages;

    public ReportPages(AnnualReports reports, Today today, Formats fmt, MessageSource messages) {
        this.reports = reports;
        this.today = today;
        this.fmt = fmt;
        this.messages = messages;
    }

    @GetMapping("/berichte")
    public String annual(@ModelAttribute("reportForm") ReportForm form, BindingResult errors, Model model, Locale locale) {
        int current = today.date().getYear();
        model.addAttribute("nav", "reports");
        model.addAttribute("years", IntStream.rangeClosed(FundingYear.FIRST, current + 1).boxed()
                .sorted(Comparator.reverseOrder()).toList());
        model.addAttribute("seesAllCentres", UiAccess.role() != Role.COORDINATOR);
        model.addAttribute("fieldOrder", List.of("jahr", "stand", "zentrum"));
        if (form.getJahr() == null) {
            form.setJahr(current);
        }
        if (form.getStand() == null || form.getStand().isBlank()) {
            form.setStand(today.date().toString());
        }
        LocalDate stand = parseStand(form.getStand(), errors);
        if (errors.hasErrors()) {
            return "report/annual";
        }
        try {
            AnnualReport report = reports.fetch(form.getJahr(), stand, null, form.getZentrum());
            show(report, model, locale);
        } catch (InvalidInputException | NotFoundException e) {
            errors.reject(e.code(), e.getMessage()); // shown on the form, which keeps what was chosen
        }
        return "report/annual";
    }

    @GetMapping("/berichte/jahresbericht.{format:csv|pdf|xlsx}")
    public ResponseEntity<byte[]> file(@PathVariable String format, @ModelAttribute("reportForm") ReportForm form, BindingResult errors) {
        int year = form.getJahr() == null ? today.date().getYear() : form.getJahr();
        LocalDate stand = form.getStand() == null || form.getStand().isBlank() ? null : parseStand(form.getStand(), errors);
        if (errors.hasErrors()) {
            throw new InvalidInputException("report.as-of.invalid", errors.getAllErrors().get(0).getDefaultMessage());
        }
        return AnnualReportFiles.download(reports.fetch(year, stand, null, form.getZentrum()), format);
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

    private void show(AnnualReport report, Model model, Locale locale) {
        model.addAttribute("report", report);
        model.addAttribute("figures", report.total());
        model.addAttribute("hoursChart", hoursPerMonth(report.total(), locale));
        model.addAttribute("categoriesUsed", used(report.total()));
        if (!report.regions().isEmpty()) {
            Map<String, Double> volunteers = new LinkedHashMap<>();
            Map<String, Double> approved = new LinkedHashMap<>();
            for (AnnualReport.Region r : report.regions()) {
                volunteers.put(r.regierungsbezirk().displayName(), (double) r.figures().activeVolunteers());
                approved.put(r.regierungsbezirk().displayName(), r.figures().approved().cents() / 100.0);
            }
            model.addAttribute("volunteersChart", SvgChart.bars(volunteers, v -> fmt.number(Math.round(v))));
            model.addAttribute("moneyChart", SvgChart.bars(approved, v -> fmt.euro(nrw.komman.kernel.common.Money.ofCents(Math.round(v * 100)))));
        }
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
        return SvgChart.stackedColumns(months, series, values, hours -> fmt.hours(Math.round(hours * 60)));
    }

    private static List<ActivityCategory> used(ReportFigures figures) {
        return Arrays.stream(ActivityCategory.values())
                .filter(c -> figures.minutesByCategory().getOrDefault(c, 0L) > 0).toList();
    }
}
