package nrw.komman.web.ui.coordinator;

import nrw.komman.kernel.activity.ActivityPage;
import nrw.komman.kernel.activity.ActivityView;
import nrw.komman.kernel.activity.FindActivitiesQuery;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.grant.FindGrantsQuery;
import nrw.komman.kernel.grant.GrantView;
import nrw.komman.kernel.volunteer.FindVolunteersQuery;
import nrw.komman.kernel.volunteer.VolunteerPage;
import nrw.komman.kernel.volunteer.VolunteerStatus;
import nrw.komman.web.support.QueryDispatcher;
import nrw.komman.web.support.Today;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The coordinator's start page: the centre at a glance, from the existing queries (roster, activity
 * log, grants register). Sums are only added up here, the rules live on the command side.
 */
@Controller
public class DashboardController {

    static final int LATEST = 5;

    private final QueryDispatcher queries;
    private final Today today;

    public DashboardController(QueryDispatcher queries, Today today) {
        this.queries = queries;
        this.today = today;
    }

    @GetMapping("/zentrum")
    public String dashboard(Model model, Locale locale) {
        CentreId centre = Coordinators.centre();
        model.addAttribute("figures", figures(centre));
        model.addAttribute("today", today.date());
        model.addAttribute("nav", "dashboard");
        model.addAttribute("month", today.date().getMonth().getDisplayName(TextStyle.FULL, locale));
        return "coordinator/dashboard";
    }

    CentreFigures figures(CentreId centre) {
        LocalDate now = today.date();
        LocalDate startOfYear = now.withDayOfYear(1);
        LocalDate startOfMonth = now.withDayOfMonth(1);
        long active = volunteers(centre, VolunteerStatus.ACTIVE);
        long all = volunteers(centre, null);
        long minutesYear = 0;
        long minutesMonth = 0;
        long activities = 0;
        List<ActivityView> latest = new ArrayList<>();
        int size = FindActivitiesQuery.MAX_SIZE;
        // the activity log of this year, page by page (a centre logs a few thousand a year at most)
        for (int page = 0; ; page++) {
            ActivityPage found = queries.one(new FindActivitiesQuery(centre, null, startOfYear, now, null, page, size),
                    ActivityPage.class, "centre.not-found", "Das Integrationszentrum " + centre + " gibt es nicht.");
            for (ActivityView activity : found.items()) {
                if (activity.withdrawn()) {
                    continue;
                }
                if (latest.size() < LATEST) {
                    latest.add(activity);
                }
                activities++;
                minutesYear += activity.minutes();
                if (!activity.date().isBefore(startOfMonth)) {
                    minutesMonth += activity.minutes();
                }
            }
            if (found.items().isEmpty() || (long) (page + 1) * size >= found.totalItems()) {
                break;
            }
        }
        List<GrantView> grants = queries.list(new FindGrantsQuery(centre, null, null), GrantView.class).stream()
                .sorted(Comparator.comparingInt(GrantView::fundingYear).reversed()
                        .thenComparing(GrantView::appliedOn, Comparator.nullsLast(Comparator.<LocalDate>reverseOrder())))
                .toList();
        return new CentreFigures(active, all, minutesMonth, minutesYear, activities, latest, grants);
    }

    private long volunteers(CentreId centre, VolunteerStatus status) {
        return queries.one(new FindVolunteersQuery(centre, status, null, null, null, 0, 1), VolunteerPage.class,
                "centre.not-found", "Das Integrationszentrum " + centre + " gibt es nicht.").totalItems();
    }
}
