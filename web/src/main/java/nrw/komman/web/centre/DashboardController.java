package nrw.komman.web.centre;

import nrw.komman.web.platform.page.PageController;
import nrw.komman.web.platform.security.Coordinators;
import nrw.komman.kernel.activity.CentreDashboard;
import nrw.komman.kernel.activity.FetchCentreDashboardQuery;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.coordination.FindHelpRequestsQuery;
import nrw.komman.kernel.coordination.HelpRequestBoard;
import nrw.komman.kernel.coordination.HelpRequestStatus;
import nrw.komman.kernel.coordination.HelpRequestSummary;
import nrw.komman.kernel.grant.FindGrantsQuery;
import nrw.komman.kernel.grant.GrantView;
import nrw.komman.web.platform.QueryDispatcher;
import nrw.komman.web.platform.Today;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The coordinator's start page: what is urgent (requests for help found unstaffed before they start), the centre at
 * a glance (the dashboard query of the centre-views) and its grants (the grants register, overdue dates in their
 * next step). The rules live on the command side, the sums in the database.
 */
@PageController
class DashboardController {

    private final QueryDispatcher queries;
    private final Today today;

    private final org.springframework.context.MessageSource messages;
    private final nrw.komman.web.platform.page.Formats fmt;

    DashboardController(QueryDispatcher queries, Today today, org.springframework.context.MessageSource messages,
                        nrw.komman.web.platform.page.Formats fmt) {
        this.queries = queries;
        this.today = today;
        this.messages = messages;
        this.fmt = fmt;
    }

    @GetMapping("/zentrum")
    public String dashboard(Model model, Locale locale) {
        CentreId centre = Coordinators.centre();
        DashboardFigures figures = figures(centre);
        model.addAttribute("figures", figures);
        model.addAttribute("unstaffed", unstaffed(centre));
        model.addAttribute("hoursChart", hoursChart(figures, locale));
        model.addAttribute("chartCategories", java.util.Arrays.stream(nrw.komman.kernel.activity.ActivityCategory.values())
                .filter(c -> figures.minutesByMonth().values().stream().anyMatch(m -> m.getOrDefault(c, 0L) > 0)).toList());
        model.addAttribute("today", today.date());
        model.addAttribute("nav", "dashboard");
        model.addAttribute("month", today.date().getMonth().getDisplayName(TextStyle.FULL, locale));
        return "coordinator/dashboard";
    }

    /** The centre's requests found unstaffed before they start and not answered yet (the board's first rows). */
    private List<HelpRequestSummary> unstaffed(CentreId centre) {
        return queries.optional(new FindHelpRequestsQuery(centre, Set.of(HelpRequestStatus.OPEN, HelpRequestStatus.PARTLY_STAFFED),
                        null), HelpRequestBoard.class)
                .map(board -> board.requests().stream().filter(HelpRequestSummary::unstaffed).toList())
                .orElse(List.of());
    }

    /** Hours per month of this year, stacked by category (only the categories with hours). */
    private nrw.komman.web.platform.page.SvgChart hoursChart(DashboardFigures figures, Locale locale) {
        List<String> months = new ArrayList<>();
        java.util.Map<String, java.util.Map<String, Double>> values = new java.util.LinkedHashMap<>();
        List<nrw.komman.kernel.activity.ActivityCategory> used = java.util.Arrays.stream(nrw.komman.kernel.activity.ActivityCategory.values())
                .filter(c -> figures.minutesByMonth().values().stream().anyMatch(m -> m.getOrDefault(c, 0L) > 0)).toList();
        List<String> series = used.stream().map(c -> messages.getMessage("category." + c.name(), null, c.name(), locale)).toList();
        figures.minutesByMonth().forEach((month, byCategory) -> {
            String label = java.time.Month.of(month).getDisplayName(TextStyle.SHORT, locale);
            months.add(label);
            java.util.Map<String, Double> row = new java.util.LinkedHashMap<>();
            for (int i = 0; i < used.size(); i++) {
                row.put(series.get(i), byCategory.getOrDefault(used.get(i), 0L) / 60.0);
            }
            values.put(label, row);
        });
        return nrw.komman.web.platform.page.SvgChart.stackedColumns(months, series, values,
                hours -> fmt.duration(Math.round(hours * 60)));
    }

    DashboardFigures figures(CentreId centre) {
        CentreDashboard d = queries.one(new FetchCentreDashboardQuery(centre, today.date()), CentreDashboard.class,
                "centre.not-found", "Das Integrationszentrum " + centre + " gibt es nicht.");
        List<GrantView> grants = queries.list(new FindGrantsQuery(centre, null, null), GrantView.class).stream()
                .sorted(Comparator.comparingInt(GrantView::fundingYear).reversed()
                        .thenComparing(GrantView::appliedOn, Comparator.nullsLast(Comparator.<LocalDate>reverseOrder())))
                .toList();
        return new DashboardFigures(d.activeVolunteers(), d.allVolunteers(), d.minutesThisMonth(), d.minutesThisYear(),
                d.activitiesThisYear(), d.latestActivities(), grants, d.minutesByMonth());
    }
}
