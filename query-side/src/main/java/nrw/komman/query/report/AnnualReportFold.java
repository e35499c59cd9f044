package nrw.komman.query.report;

import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.activity.ActivityCorrectedEvent;
import nrw.komman.kernel.activity.ActivityId;
import nrw.komman.kernel.activity.ActivityLoggedEvent;
import nrw.komman.kernel.activity.ActivityWithdrawnEvent;
import nrw.komman.kernel.budget.BudgetSetEvent;
import nrw.komman.kernel.centre.CentreClosedEvent;
import nrw.komman.kernel.centre.CentreEstablishedEvent;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.centre.Regierungsbezirk;
import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.common.NotFoundException;
import nrw.komman.kernel.grant.GrantAmendedEvent;
import nrw.komman.kernel.grant.GrantAppliedEvent;
import nrw.komman.kernel.grant.GrantApprovedEvent;
import nrw.komman.kernel.grant.GrantClosedEvent;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.grant.GrantRejectedEvent;
import nrw.komman.kernel.grant.GrantReviewedEvent;
import nrw.komman.kernel.grant.GrantStatus;
import nrw.komman.kernel.grant.GrantWithdrawnEvent;
import nrw.komman.kernel.grant.ProgrammePart;
import nrw.komman.kernel.grant.RepaymentReceivedEvent;
import nrw.komman.kernel.grant.TrancheDisbursedEvent;
import nrw.komman.kernel.grant.UsageReportDueExtendedEvent;
import nrw.komman.kernel.grant.UsageReportOverdueEvent;
import nrw.komman.kernel.grant.UsageReportSubmittedEvent;
import nrw.komman.kernel.report.AnnualReport;
import nrw.komman.kernel.report.AnnualReportCanonicalForm;
import nrw.komman.kernel.report.ReportFigures;
import nrw.komman.kernel.volunteer.VolunteerDeactivatedEvent;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.kernel.volunteer.VolunteerReactivatedEvent;
import nrw.komman.kernel.volunteer.VolunteerRegisteredEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Folds the recorded events, in the order of the event store, into the annual report of one funding
 * year. It reads no read model and no personal data (sealed data is never opened): the report is what
 * the events say, so a replay up to the same cut-off always gives the same figures. The definitions of
 * the figures are those of {@link ReportFigures}.
 * <p>Why this size: one fold step per event type that counts in the report, and the figures they add up to; split, the report's definitions would no longer read in one place.
 */
final class AnnualReportFold {

    private static final java.time.format.DateTimeFormatter GERMAN_DATE = java.time.format.DateTimeFormatter.ofPattern("dd.MM.uuuu");
    private final int year;
    private final LocalDate firstDay;
    private final LocalDate lastDay;
    private final CentreId scope;
    private final Map<CentreId, CentreFacts> centres = new HashMap<>();
    private final Map<VolunteerId, VolunteerFacts> volunteers = new HashMap<>();
    /**
     * Only the activities dated in the funding year (at the state folded so far): a million
     * activities over several years would not fit a small heap otherwise. A correction carries the
     * activity's whole new state, so an activity corrected into the year needs nothing remembered.
     */
    private final Map<ActivityId, ActivityFacts> activities = new HashMap<>();
    /** Withdrawn activities not dated in the year, should a correction ever follow (the aggregate refuses one). */
    private final java.util.Set<ActivityId> withdrawnInOtherYears = new java.util.HashSet<>();
    /** One instance per centre, instead of one per activity event. */
    private final Map<CentreId, CentreId> centreIds = new HashMap<>();
    private final Map<GrantId, GrantFacts> grants = new HashMap<>();
    private final Map<BudgetKey, Money> budgets = new HashMap<>();
    private long lastPosition = -1;
    private long events;
    /** Names of centres recorded only after the cut-off: a report before them names the centre, not its key. */
    private final Map<CentreId, String> namesRecordedLater = new HashMap<>();

    /** {@code scope}: one centre, or null for the whole state. */
    AnnualReportFold(int fundingYear, CentreId scope) {
        this.year = fundingYear;
        this.firstDay = LocalDate.of(fundingYear, 1, 1);
        this.lastDay = LocalDate.of(fundingYear, 12, 31);
        this.scope = scope;
    }

    /** Hears an event recorded at or after the cut-off: it counts for nothing, only a centre's name is kept. */
    void recordedLater(Object event) {
        if (event instanceof CentreEstablishedEvent e) {
            namesRecordedLater.put(e.centreId(), e.name());
        }
    }

    /** Takes one recorded event (any type; those the report does not count are passed over). */
    void apply(Object event, long position) {
        events++;
        lastPosition = Math.max(lastPosition, position);
        if (event instanceof CentreEstablishedEvent e) {
            centres.put(e.centreId(), new CentreFacts(e.centreId(), e.name(), e.regierungsbezirk(), e.establishedOn()));
        } else if (event instanceof CentreClosedEvent e) {
            CentreFacts c = centres.get(e.centreId());
            if (c != null) {
                c.closedOn = e.closedOn();
            }
        } else if (event instanceof VolunteerRegisteredEvent e) {
            volunteers.put(e.volunteerId(), new VolunteerFacts(e.centreId(), e.registeredOn()));
        } else if (event instanceof VolunteerDeactivatedEvent e) {
            VolunteerFacts v = volunteers.get(e.volunteerId());
            if (v != null) {
                v.deactivated(e.deactivatedOn(), firstDay, lastDay);
            }
        } else if (event instanceof VolunteerReactivatedEvent e) {
            VolunteerFacts v = volunteers.get(e.volunteerId());
            if (v != null) {
                v.activeSince = e.reactivatedOn();
            }
        } else if (event instanceof ActivityLoggedEvent e) {
            if (inYear(e.date())) {
                activities.put(e.activityId(), new ActivityFacts(canonical(e.centreId()), e.date(), e.minutes(), e.category()));
            }
        } else if (event instanceof ActivityCorrectedEvent e) {
            ActivityFacts a = activities.get(e.activityId());
            if (a != null && !inYear(e.date())) {
                activities.remove(e.activityId()); // moved to another year
            } else if (a != null) {
                a.set(e.date(), e.minutes(), e.category());
            } else if (inYear(e.date()) && !withdrawnInOtherYears.contains(e.activityId())) {
                activities.put(e.activityId(), new ActivityFacts(canonical(e.centreId()), e.date(), e.minutes(), e.category()));
            }
        } else if (event instanceof ActivityWithdrawnEvent e) {
            ActivityFacts a = activities.get(e.activityId());
            if (a != null) {
                a.withdrawn = true;
            } else {
                withdrawnInOtherYears.add(e.activityId());
            }
        } else if (event instanceof BudgetSetEvent e) {
            if (e.fundingYear() == year) {
                budgets.put(new BudgetKey(e.programmePart(), e.centreId()), e.amount());
            }
        } else {
            applyGrantEvent(event);
        }
    }

    private void applyGrantEvent(Object event) {
        if (event instanceof GrantAppliedEvent e) {
            if (e.fundingYear() == year) {
                grants.put(e.grantId(), new GrantFacts(e.centreId(), e.programmePart(), e.requestedAmount().cents()));
            }
            return;
        }
        GrantId grantId = grantIdOf(event);
        GrantFacts g = grantId == null ? null : grants.get(grantId);
        if (g == null) {
            return; // not a grant event, or a grant of another funding year
        }
        if (event instanceof GrantReviewedEvent) {
            g.status = GrantStatus.REVIEWED;
        } else if (event instanceof GrantApprovedEvent e) {
            g.status = GrantStatus.APPROVED;
            g.approved = e.approvedAmount().cents();
        } else if (event instanceof GrantRejectedEvent) {
            g.status = GrantStatus.REJECTED;
        } else if (event instanceof GrantWithdrawnEvent) {
            g.status = GrantStatus.WITHDRAWN;
        } else if (event instanceof GrantAmendedEvent e) {
            g.approved = e.approvedAfter().cents();
        } else if (event instanceof TrancheDisbursedEvent e) {
            g.disbursed += e.amount().cents();
        } else if (event instanceof UsageReportSubmittedEvent e) {
            g.status = GrantStatus.USAGE_REPORTED;
            g.spent = e.amountSpent().cents();
            g.usageReportOverdue = false;
        } else if (event instanceof UsageReportOverdueEvent) {
            g.usageReportOverdue = true;
        } else if (event instanceof UsageReportDueExtendedEvent) {
            g.usageReportOverdue = false; // a later due day: not overdue from the extension on (until it passes too)
        } else if (event instanceof GrantClosedEvent e) {
            g.status = GrantStatus.CLOSED;
            g.reclaimed = e.repaymentDemanded().cents();
            g.usageReportOverdue = false;
        } else if (event instanceof RepaymentReceivedEvent e) {
            g.repaid += e.amount().cents();
        }
    }

    private static GrantId grantIdOf(Object event) {
        if (event instanceof GrantReviewedEvent e) {
            return e.grantId();
        } else if (event instanceof GrantApprovedEvent e) {
            return e.grantId();
        } else if (event instanceof GrantRejectedEvent e) {
            return e.grantId();
        } else if (event instanceof GrantWithdrawnEvent e) {
            return e.grantId();
        } else if (event instanceof GrantAmendedEvent e) {
            return e.grantId();
        } else if (event instanceof TrancheDisbursedEvent e) {
            return e.grantId();
        } else if (event instanceof UsageReportSubmittedEvent e) {
            return e.grantId();
        } else if (event instanceof UsageReportOverdueEvent e) {
            return e.grantId();
        } else if (event instanceof UsageReportDueExtendedEvent e) {
            return e.grantId();
        } else if (event instanceof GrantClosedEvent e) {
            return e.grantId();
        } else if (event instanceof RepaymentReceivedEvent e) {
            return e.grantId();
        }
        return null;
    }

    /** The report of everything folded so far. */
    AnnualReport report(LocalDate asOf, Instant cutOff) {
        Map<CentreId, Tally> tallies = new TreeMap<>(Comparator.comparing(CentreId::value));
        centres.values().stream()
                .filter(c -> !c.establishedOn.isAfter(lastDay) && (c.closedOn == null || !c.closedOn.isBefore(firstDay)))
                .forEach(c -> tallies.put(c.id, new Tally()));
        volunteers.values().forEach(v -> {
            boolean active = v.activeInYear || (v.activeSince != null && !v.activeSince.isAfter(lastDay));
            boolean isNew = v.registeredOn.getYear() == year;
            if (active || isNew) {
                Tally t = tallies.computeIfAbsent(v.centreId, k -> new Tally());
                t.activeVolunteers += active ? 1 : 0;
                t.newVolunteers += isNew ? 1 : 0;
            }
        });
        activities.values().stream().filter(a -> !a.withdrawn).forEach(a -> {
            Tally t = tallies.computeIfAbsent(a.centreId, k -> new Tally());
            t.activities++;
            t.minutes += a.minutes;
            t.activitiesByCategory.merge(a.category, 1L, Long::sum);
            t.minutesByCategory.merge(a.category, (long) a.minutes, Long::sum);
            t.minutesByMonth.get(a.month()).merge(a.category, (long) a.minutes, Long::sum);
        });
        grants.values().forEach(g -> {
            Tally t = tallies.computeIfAbsent(g.centreId, k -> new Tally());
            t.grantsByStatus.merge(g.status, 1L, Long::sum);
            if (g.status != GrantStatus.WITHDRAWN) {
                t.requested += g.requested;
            }
            t.approved += g.approved;
            t.usageReportsOverdue += g.usageReportOverdue ? 1 : 0;
            if (g.status.countsAgainstBudget()) {
                t.disbursed += g.disbursed;
                t.spent += g.spent;
                t.reclaimed += g.reclaimed;
                t.repaid += g.repaid;
            }
        });
        if (scope == null && events == 0) {
            // nothing recorded yet: a report of zeros (and "position -1") would look like a year without volunteers
            throw noData("Zum Stand " + GERMAN_DATE.format(asOf) + " gibt es noch keine Daten.");
        }
        if (scope != null) {
            if (!centres.containsKey(scope)) {
                String later = namesRecordedLater.get(scope);
                if (later == null) {
                    throw new NotFoundException("centre.not-found", "Ein Integrationszentrum " + scope.value()
                            + " ist zum Stand " + GERMAN_DATE.format(asOf) + " nicht erfasst.");
                }
                throw noData("Zum Stand " + GERMAN_DATE.format(asOf) + " gibt es für das Integrationszentrum "
                        + later + " noch keine Daten.");
            }
            tallies.keySet().retainAll(List.of(scope));
            tallies.computeIfAbsent(scope, k -> new Tally());
        }

        List<AnnualReport.Centre> centreReports = new ArrayList<>();
        Map<Regierungsbezirk, Tally> regionTallies = new EnumMap<>(Regierungsbezirk.class);
        Map<Regierungsbezirk, Integer> regionCentres = new EnumMap<>(Regierungsbezirk.class);
        Tally total = new Tally();
        tallies.forEach((id, t) -> {
            CentreFacts facts = centres.get(id);
            Regierungsbezirk region = facts != null ? facts.region : id.regierungsbezirk();
            centreReports.add(new AnnualReport.Centre(id, facts != null ? facts.name : id.value(), region, t.figures()));
            regionTallies.computeIfAbsent(region, k -> new Tally()).add(t);
            regionCentres.merge(region, 1, Integer::sum);
            total.add(t);
        });
        List<AnnualReport.Region> regions = new ArrayList<>();
        List<AnnualReport.BudgetLine> budgetLines = new ArrayList<>();
        if (scope == null) {
            for (Regierungsbezirk region : Regierungsbezirk.values()) {
                regions.add(new AnnualReport.Region(region, regionCentres.getOrDefault(region, 0),
                        regionTallies.getOrDefault(region, new Tally()).figures()));
            }
            budgets.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey(BudgetKey.ORDER))
                    .forEach(b -> budgetLines.add(new AnnualReport.BudgetLine(b.getKey().part(), b.getKey().centreId(),
                            b.getValue(), Money.ofCents(approvedAgainst(b.getKey())))));
        }
        AnnualReport report = new AnnualReport(year, asOf, cutOff, scope, lastPosition, events, total.figures(),
                List.copyOf(regions), List.copyOf(centreReports), List.copyOf(budgetLines), null);
        return withChecksum(report);
    }

    /** The same answer for every role and scope: no report, a plain sentence (404 over the API, a notice on the page). */
    static NotFoundException noData(String message) {
        return new NotFoundException(AnnualReport.NO_DATA, message);
    }

    private long approvedAgainst(BudgetKey budget) {
        return grants.values().stream()
                .filter(g -> g.status.countsAgainstBudget() && g.part == budget.part()
                        && (budget.centreId() == null || budget.centreId().equals(g.centreId)))
                .mapToLong(g -> g.approved)
                .sum();
    }

    static AnnualReport withChecksum(AnnualReport r) {
        return new AnnualReport(r.fundingYear(), r.asOf(), r.cutOff(), r.centreId(), r.lastEventPosition(), r.eventsIncluded(),
                r.total(), r.regions(), r.centres(), r.budgets(), AnnualReportCanonicalForm.checksum(r));
    }

    private static final class CentreFacts {
        final CentreId id;
        final String name;
        final Regierungsbezirk region;
        final LocalDate establishedOn;
        LocalDate closedOn;

        CentreFacts(CentreId id, String name, Regierungsbezirk region, LocalDate establishedOn) {
            this.id = id;
            this.name = name;
            this.region = region;
            this.establishedOn = establishedOn;
        }
    }

    /** Active from {@code activeSince} (null: inactive now); {@code activeInYear}: an ended spell touched the year. */
    private static final class VolunteerFacts {
        final CentreId centreId;
        final LocalDate registeredOn;
        LocalDate activeSince;
        boolean activeInYear;

        VolunteerFacts(CentreId centreId, LocalDate registeredOn) {
            this.centreId = centreId;
            this.registeredOn = registeredOn;
            this.activeSince = registeredOn;
        }

        void deactivated(LocalDate on, LocalDate firstDay, LocalDate lastDay) {
            if (activeSince != null && !activeSince.isAfter(lastDay) && !on.isBefore(firstDay)) {
                activeInYear = true;
            }
            activeSince = null;
        }
    }

    private boolean inYear(LocalDate date) {
        return date.getYear() == year;
    }

    private CentreId canonical(CentreId centreId) {
        return centreIds.computeIfAbsent(centreId, id -> id);
    }

    /** An activity of the year, compactly: its month, not its date. */
    private static final class ActivityFacts {
        final CentreId centreId;
        byte month;
        int minutes;
        ActivityCategory category;
        boolean withdrawn;

        ActivityFacts(CentreId centreId, LocalDate date, int minutes, ActivityCategory category) {
            this.centreId = centreId;
            set(date, minutes, category);
        }

        void set(LocalDate date, int minutes, ActivityCategory category) {
            this.month = (byte) date.getMonthValue();
            this.minutes = minutes;
            this.category = category;
        }

        int month() {
            return month;
        }
    }

    private static final class GrantFacts {
        final CentreId centreId;
        final ProgrammePart part;
        final long requested;
        GrantStatus status = GrantStatus.APPLIED;
        long approved;
        long disbursed;
        long spent;
        long reclaimed;
        long repaid;
        /** Recorded overdue and answered by neither a submission, a later due day nor the closing (so far). */
        boolean usageReportOverdue;

        GrantFacts(CentreId centreId, ProgrammePart part, long requested) {
            this.centreId = centreId;
            this.part = part;
            this.requested = requested;
        }
    }

    private record BudgetKey(ProgrammePart part, CentreId centreId) {
        static final Comparator<BudgetKey> ORDER = Comparator.comparing(BudgetKey::part)
                .thenComparing(k -> k.centreId() == null ? "" : k.centreId().value());
    }

    /** Sums of one centre, region or the state. */
    private static final class Tally {
        int activeVolunteers;
        int newVolunteers;
        long activities;
        long minutes;
        final Map<ActivityCategory, Long> activitiesByCategory = zeros();
        final Map<ActivityCategory, Long> minutesByCategory = zeros();
        final Map<Integer, Map<ActivityCategory, Long>> minutesByMonth = new TreeMap<>();
        final Map<GrantStatus, Long> grantsByStatus = new EnumMap<>(GrantStatus.class);
        long requested;
        long approved;
        long disbursed;
        long spent;
        long reclaimed;
        long repaid;
        long usageReportsOverdue;

        Tally() {
            for (int month = 1; month <= 12; month++) {
                minutesByMonth.put(month, zeros());
            }
            for (GrantStatus s : GrantStatus.values()) {
                grantsByStatus.put(s, 0L);
            }
        }

        void add(Tally o) {
            activeVolunteers += o.activeVolunteers;
            newVolunteers += o.newVolunteers;
            activities += o.activities;
            minutes += o.minutes;
            o.activitiesByCategory.forEach((k, v) -> activitiesByCategory.merge(k, v, Long::sum));
            o.minutesByCategory.forEach((k, v) -> minutesByCategory.merge(k, v, Long::sum));
            o.minutesByMonth.forEach((m, byCategory) -> byCategory.forEach((k, v) -> minutesByMonth.get(m).merge(k, v, Long::sum)));
            o.grantsByStatus.forEach((k, v) -> grantsByStatus.merge(k, v, Long::sum));
            requested += o.requested;
            approved += o.approved;
            disbursed += o.disbursed;
            spent += o.spent;
            reclaimed += o.reclaimed;
            repaid += o.repaid;
            usageReportsOverdue += o.usageReportsOverdue;
        }

        ReportFigures figures() {
            Map<Integer, Map<ActivityCategory, Long>> months = new TreeMap<>();
            minutesByMonth.forEach((m, byCategory) -> months.put(m, new EnumMap<>(byCategory)));
            return new ReportFigures(activeVolunteers, newVolunteers, activities, minutes, new EnumMap<>(activitiesByCategory),
                    new EnumMap<>(minutesByCategory), months, new EnumMap<>(grantsByStatus), Money.ofCents(requested),
                    Money.ofCents(approved), Money.ofCents(disbursed), Money.ofCents(spent), Money.ofCents(reclaimed),
                    Money.ofCents(repaid), usageReportsOverdue);
        }

        private static Map<ActivityCategory, Long> zeros() {
            Map<ActivityCategory, Long> map = new EnumMap<>(ActivityCategory.class);
            for (ActivityCategory c : ActivityCategory.values()) {
                map.put(c, 0L);
            }
            return map;
        }
    }
}
