package nrw.komman.web.grant;

import nrw.komman.web.platform.page.PageController;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.centre.Regierungsbezirk;
import nrw.komman.kernel.common.NotFoundException;
import nrw.komman.kernel.coordination.CoordinationFigures;
import nrw.komman.kernel.coordination.FetchCoordinationFiguresQuery;
import nrw.komman.kernel.grant.FindGrantsQuery;
import nrw.komman.kernel.grant.FundingYear;
import nrw.komman.kernel.grant.GrantView;
import nrw.komman.kernel.ministry.CentreFigures;
import nrw.komman.kernel.ministry.FetchMinistryOverviewQuery;
import nrw.komman.kernel.ministry.MinistryOverview;
import nrw.komman.kernel.ministry.RegionFigures;
import nrw.komman.web.platform.Ids;
import nrw.komman.web.platform.QueryDispatcher;
import nrw.komman.web.platform.Today;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The state-wide overview of a funding year: the state, its five Regierungsbezirke, and drilling down
 * to one centre. Counts, hours and money only, never a volunteer's name (the query answers no more).
 */
@PageController
class OverviewPages {

    private final QueryDispatcher queries;
    private final Today today;

    private final nrw.komman.web.platform.page.Formats fmt;

    OverviewPages(QueryDispatcher queries, Today today, nrw.komman.web.platform.page.Formats fmt) {
        this.queries = queries;
        this.today = today;
        this.fmt = fmt;
    }

    @GetMapping("/landesweit")
    public String state(@RequestParam(name = "jahr", required = false) Integer year, Model model) {
        MinistryOverview overview = overview(year, model);
        model.addAttribute("figures", overview.state());
        model.addAttribute("regions", overview.regions());
        java.util.Map<String, Double> volunteers = new java.util.LinkedHashMap<>();
        java.util.Map<String, Double> hours = new java.util.LinkedHashMap<>();
        for (RegionFigures r : overview.regions()) {
            volunteers.put(r.regierungsbezirk().displayName(), (double) r.figures().activeVolunteers());
            hours.put(r.regierungsbezirk().displayName(), r.figures().minutes() / 60.0);
        }
        model.addAttribute("volunteersChart", nrw.komman.web.platform.page.SvgChart.bars(volunteers, v -> fmt.number(Math.round(v))));
        model.addAttribute("hoursChart", nrw.komman.web.platform.page.SvgChart.bars(hours, v -> fmt.duration(Math.round(v * 60))));
        // requests for help (issue 18): now for this year, as of its last day for a past one; counts only
        int current = today.date().getYear();
        LocalDate asOf = overview.fundingYear() >= current ? null : LocalDate.of(overview.fundingYear(), 12, 31);
        model.addAttribute("coordination", queries.optional(new FetchCoordinationFiguresQuery(asOf), CoordinationFigures.class)
                .orElse(null));
        return "grant/overview";
    }

    @GetMapping("/landesweit/bezirke/{region}")
    public String region(@PathVariable String region, @RequestParam(name = "jahr", required = false) Integer year, Model model) {
        Regierungsbezirk bezirk = regionOf(region);
        MinistryOverview overview = overview(year, model);
        RegionFigures figures = overview.regions().stream().filter(r -> r.regierungsbezirk() == bezirk).findFirst()
                .orElseThrow(() -> new NotFoundException("region.not-found", "Diesen Regierungsbezirk gibt es nicht."));
        model.addAttribute("region", figures);
        model.addAttribute("figures", figures.figures());
        model.addAttribute("centres", overview.centres().stream().filter(c -> c.regierungsbezirk() == bezirk)
                .sorted(Comparator.comparing(CentreFigures::name)).toList());
        return "grant/overview-region";
    }

    @GetMapping("/landesweit/zentren/{centreId}")
    public String centre(@PathVariable String centreId, @RequestParam(name = "jahr", required = false) Integer year, Model model) {
        CentreId id = Ids.centre("centreId", centreId);
        MinistryOverview overview = overview(year, model);
        CentreFigures centre = overview.centres().stream().filter(c -> c.centreId().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("centre.not-found",
                        "Für dieses Integrationszentrum gibt es im Förderjahr " + overview.fundingYear() + " keine Zahlen."));
        List<GrantView> grants = queries.list(new FindGrantsQuery(id, overview.fundingYear(), null), GrantView.class);
        model.addAttribute("centre", centre);
        model.addAttribute("figures", centre.figures());
        model.addAttribute("grants", grants);
        return "grant/overview-centre";
    }

    private MinistryOverview overview(Integer year, Model model) {
        int current = today.date().getYear();
        int fundingYear = year == null ? current : year;
        MinistryOverview overview = queries.one(new FetchMinistryOverviewQuery(fundingYear), MinistryOverview.class,
                "overview.not-found", "Für das Förderjahr " + fundingYear + " gibt es keine Übersicht.");
        model.addAttribute("year", overview.fundingYear());
        model.addAttribute("years", IntStream.rangeClosed(FundingYear.FIRST, current + 1).boxed()
                .sorted(Comparator.reverseOrder()).toList());
        model.addAttribute("nav", "overview");
        return overview;
    }

    private static Regierungsbezirk regionOf(String text) {
        try {
            return Regierungsbezirk.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("region.not-found", "Diesen Regierungsbezirk gibt es nicht.");
        }
    }
}
