package nrw.komman.web.grant;

import nrw.komman.web.platform.page.UiAccess;
import nrw.komman.kernel.access.Action;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.centre.CentreView;
import nrw.komman.kernel.centre.FindCentresQuery;
import nrw.komman.kernel.centre.Regierungsbezirk;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.kernel.grant.FindGrantsQuery;
import nrw.komman.kernel.grant.FundingYear;
import nrw.komman.kernel.grant.GrantHistory;
import nrw.komman.kernel.grant.GrantStatus;
import nrw.komman.kernel.grant.GrantView;
import nrw.komman.kernel.grant.ProgrammePart;
import nrw.komman.web.platform.Ids;
import nrw.komman.web.platform.QueryDispatcher;
import nrw.komman.web.platform.Today;
import nrw.komman.web.platform.page.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The grants register with filters (grant authority, ministry, auditors; by year, status, centre, programme
 * part and Regierungsbezirk), and every grant's page: its money, the usage report, its history as a timeline
 * and the check of its hash chain with the history downloads. Which buttons a grant's page offers follows the
 * role and the status; the command side decides.
 */
@PageController
class GrantRegisterPages {

    private final QueryDispatcher queries;
    private final Today today;
    private final ChainCheck chain;

    GrantRegisterPages(QueryDispatcher queries, Today today, ChainCheck chain) {
        this.queries = queries;
        this.today = today;
        this.chain = chain;
    }

    @GetMapping("/zuwendungen")
    String register(@RequestParam(name = "jahr", required = false) Integer year,
                    @RequestParam(name = "status", required = false) GrantStatus status,
                    @RequestParam(name = "zentrum", required = false) String centre,
                    @RequestParam(name = "teil", required = false) ProgrammePart part,
                    @RequestParam(name = "bezirk", required = false) Regierungsbezirk region,
                    Model model) {
        CentreId centreId = Ids.optional("zentrum", centre, CentreId::new);
        List<GrantView> grants = GrantDecisionPages.overdueFirst(
                queries.list(new FindGrantsQuery(centreId, year, status, part, region), GrantView.class));
        model.addAttribute("grants", grants);
        model.addAttribute("year", year);
        model.addAttribute("status", status);
        model.addAttribute("centre", centreId == null ? null : centreId.value());
        model.addAttribute("part", part);
        model.addAttribute("region", region);
        model.addAttribute("filtered", year != null || status != null || centreId != null || part != null || region != null);
        model.addAttribute("parts", ProgrammePart.values());
        model.addAttribute("regions", Regierungsbezirk.values());
        model.addAttribute("years", IntStream.rangeClosed(FundingYear.FIRST, today.date().getYear() + 1)
                .boxed().sorted(Comparator.reverseOrder()).toList());
        model.addAttribute("statuses", GrantStatus.values());
        model.addAttribute("centres", queries.list(new FindCentresQuery(), CentreView.class));
        model.addAttribute("nav", "register");
        return "grant/register";
    }

    @GetMapping("/zuwendungen/{grantId}")
    String grant(@PathVariable String grantId, Model model) {
        GrantView grant = GrantReads.find(queries, grantId);
        GrantHistory history = GrantReads.history(queries, grant.grantId());
        GrantStatus status = grant.status();
        model.addAttribute("grant", grant);
        model.addAttribute("history", history.entries());
        model.addAttribute("canWithdraw", UiAccess.allows(Action.WITHDRAW_GRANT_APPLICATION)
                && (status == GrantStatus.APPLIED || status == GrantStatus.REVIEWED));
        model.addAttribute("canReview", UiAccess.allows(Action.REVIEW_GRANT) && status == GrantStatus.APPLIED);
        model.addAttribute("canDecide", UiAccess.allows(Action.APPROVE_GRANT) && status == GrantStatus.REVIEWED);
        model.addAttribute("canRequestFunds", UiAccess.allows(Action.REQUEST_FUNDS) && status == GrantStatus.APPROVED);
        model.addAttribute("canReport", UiAccess.allows(Action.SUBMIT_USAGE_REPORT) && status == GrantStatus.APPROVED);
        model.addAttribute("canDisburse", UiAccess.allows(Action.DISBURSE_TRANCHE) && status == GrantStatus.APPROVED);
        model.addAttribute("canClose", UiAccess.allows(Action.CLOSE_GRANT) && status == GrantStatus.USAGE_REPORTED);
        model.addAttribute("canRecordRepayment", UiAccess.allows(Action.RECORD_REPAYMENT) && status == GrantStatus.CLOSED
                && !grant.repaymentOutstanding().isZero());
        model.addAttribute("canAmend", UiAccess.allows(Action.AMEND_GRANT) && status == GrantStatus.APPROVED
                && grant.pendingRaise() == null);
        model.addAttribute("canDecideRaise", UiAccess.allows(Action.AMEND_GRANT) && status == GrantStatus.APPROVED
                && grant.pendingRaise() != null);
        // issue 19: the grant authority moves the usage report's date; the centre reports a tranche as spent
        model.addAttribute("canExtendDue", UiAccess.allows(Action.EXTEND_USAGE_REPORT_DUE) && status == GrantStatus.APPROVED);
        model.addAttribute("canReportSpent", UiAccess.allows(Action.REPORT_TRANCHE_SPENT) && status == GrantStatus.APPROVED);
        model.addAttribute("chain", chain.verify(grant.grantId()));
        model.addAttribute("nav", UiAccess.role() == AccountRole.COORDINATOR ? "grants" : "register");
        return "grant/grant";
    }
}
