package nrw.komman.query.support;

import nrw.komman.kernel.activity.ActivityId;
import nrw.komman.kernel.activity.FindActivitiesQuery;
import nrw.komman.kernel.budget.FetchBudgetUseQuery;
import nrw.komman.kernel.centre.CentreClosedEvent;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.centre.FindCentresQuery;
import nrw.komman.kernel.grant.FetchGrantHistoryQuery;
import nrw.komman.kernel.grant.FindGrantsQuery;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.grant.GrantView;
import nrw.komman.kernel.grant.ProgrammePart;
import nrw.komman.kernel.grant.Recommendation;
import nrw.komman.kernel.ministry.FetchMinistryOverviewQuery;
import nrw.komman.kernel.volunteer.FindVolunteersQuery;
import nrw.komman.kernel.volunteer.PersonalData;
import nrw.komman.kernel.volunteer.VolunteerId;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import nrw.komman.kernel.coordination.AssignmentId;
import nrw.komman.kernel.coordination.Availability;
import nrw.komman.kernel.coordination.CertificateLine;
import nrw.komman.kernel.coordination.DayPart;
import nrw.komman.kernel.coordination.HelpRequestId;
import nrw.komman.kernel.coordination.Schedule;
import nrw.komman.kernel.coordination.VolunteerLinkId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static nrw.komman.kernel.activity.ActivityCategory.*;
import static nrw.komman.query.support.ReadSide.*;

/** A realistic history of two years in three centres, and everything the read side answers about it. */
public final class History {

    public VolunteerId amira;
    public VolunteerId bernd;
    public VolunteerId deniz;

    public void record(ReadSide readSide) {
        readSide.establishSomeCentres();
        readSide.establish(DORTMUND, "Stadt Dortmund", "Kreisfreie Stadt", LocalDate.of(2013, 1, 1));
        amira = readSide.register(KOELN, "Amira Haddad", "amira@example.org", Set.of("ar", "de", "fr"),
                Set.of(LANGUAGE_SUPPORT, INTERPRETING), LocalDate.of(2024, 2, 1));
        bernd = readSide.register(KOELN, "Bernd Müller", "bernd@example.org", Set.of("de"),
                Set.of(EDUCATION), LocalDate.of(2024, 5, 1));
        deniz = readSide.register(DUESSELDORF, "Deniz Yılmaz", "deniz@example.org", Set.of("tr", "de"),
                Set.of(ACCOMPANIMENT), LocalDate.of(2024, 3, 1));
        ActivityId a1 = readSide.log(amira, KOELN, LocalDate.of(2024, 11, 3), 120, LANGUAGE_SUPPORT, "Sprachcafé mit Familie K.");
        readSide.log(amira, KOELN, LocalDate.of(2025, 1, 8), 90, INTERPRETING, "Jobcenter-Termin");
        ActivityId a3 = readSide.log(amira, KOELN, LocalDate.of(2025, 2, 14), 60, ACCOMPANIMENT, null);
        readSide.log(bernd, KOELN, LocalDate.of(2025, 3, 2), 45, EDUCATION, "Hausaufgaben Mathe");
        ActivityId d1 = readSide.log(deniz, DUESSELDORF, LocalDate.of(2025, 1, 20), 180, ACCOMPANIMENT, "Arztbesuch");
        readSide.correct(a1, amira, KOELN, LocalDate.of(2025, 1, 3), 100, LANGUAGE_SUPPORT, "Sprachcafé (korrigiert)");
        readSide.withdraw(a3, amira, KOELN);
        readSide.correct(d1, deniz, DUESSELDORF, LocalDate.of(2025, 1, 20), 150, HOUSING_SEARCH, "Wohnungsbesichtigung");
        readSide.updateProfile(bernd, KOELN, new PersonalData("Bernd Müller", "bernd.mueller@example.org", "+49 221 555", "abends",
                Set.of("de", "en"), Set.of(EDUCATION, LEISURE_AND_SPORT)));
        readSide.deactivate(bernd, KOELN);
        // ADR 39: a retention run by an administrator and one on the platform's schedule (nobody was due)
        readSide.publish(new nrw.komman.kernel.privacy.RetentionRunRecordedEvent("2025-05-02-a1b2c3d4", LocalDate.of(2025, 5, 2),
                3, 5, java.util.List.of(), 0), ReadSide.ADMINISTRATOR);
        readSide.publish(new nrw.komman.kernel.privacy.RetentionRunRecordedEvent("2025-05-03-scheduled0230", LocalDate.of(2025, 5, 3),
                3, 5, java.util.List.of(), 1), nrw.komman.kernel.common.Actor.SYSTEM);

        readSide.setBudget(2025, ProgrammePart.PART_I, null, 40_000_000, "Haushaltsplan 2025");
        readSide.setBudget(2025, ProgrammePart.PART_I, KOELN, 11_000_000, null);
        readSide.setBudget(2025, ProgrammePart.PART_I, null, 45_000_000, "Nachtragshaushalt");
        GrantId g1 = readSide.apply(KOELN, 2025, ProgrammePart.PART_I, "Koordinierung", 12_000_000);
        readSide.review(g1, KOELN, Recommendation.APPROVE, "Förderfähig.");
        readSide.approve(g1, KOELN, 12_000_000, 10_000_000, "Gekürzt auf 100.000 €.");
        readSide.amend(g1, KOELN, 10_000_000, 11_000_000, "Zusätzliche Stelle.");
        readSide.requestFunds(g1, KOELN, 6_000_000, "Personalkosten 1. Halbjahr");
        readSide.disburse(g1, KOELN, 1, 6_000_000, LocalDate.of(2025, 4, 10), 0);
        readSide.disburse(g1, KOELN, 2, 5_000_000, LocalDate.of(2025, 9, 1), 6_000_000);
        // issue 19: the dates that matter, recorded by the platform, and what answers them
        readSide.publish(new nrw.komman.kernel.grant.TrancheSpentReportedEvent(g1, KOELN, 1, LocalDate.of(2025, 5, 20)),
                coordinatorOf(KOELN));
        readSide.publish(new nrw.komman.kernel.grant.TrancheSpendingOverdueEvent(g1, KOELN, 2,
                nrw.komman.kernel.common.Money.ofCents(5_000_000), LocalDate.of(2025, 9, 1), LocalDate.of(2025, 11, 1),
                LocalDate.of(2025, 11, 2)), nrw.komman.kernel.common.Actor.SYSTEM);
        readSide.publish(new nrw.komman.kernel.grant.UsageReportDueExtendedEvent(g1, KOELN, LocalDate.of(2026, 6, 30),
                LocalDate.of(2026, 9, 30), "Personalwechsel", LocalDate.of(2025, 12, 2)), GRANT_OFFICER);
        readSide.publish(new nrw.komman.kernel.grant.ProgrammeDatesSetEvent("PART_II_D",
                nrw.komman.kernel.grant.ProgrammeDates.defaults(ProgrammePart.PART_II_D),
                new nrw.komman.kernel.grant.ProgrammeDates(ProgrammePart.PART_II_D, 3, 2, 8, 4), "Kürzere Fristen"), MINISTRY);
        readSide.reportUsage(g1, KOELN, 11_000_000, 10_400_000, "Zwei Stellen besetzt, 40 Schulungen.", 85);
        readSide.close(g1, KOELN, 11_000_000, 10_400_000, "Nachweis geprüft.");
        readSide.repay(g1, KOELN, 250_000, LocalDate.of(2026, 4, 15), 600_000);
        GrantId g2 = readSide.apply(KOELN, 2025, ProgrammePart.PART_II_A, "Treffpunkt", 3_000_000);
        readSide.review(g2, KOELN, Recommendation.REJECT, "Doppelförderung.");
        readSide.reject(g2, KOELN, "Doppelförderung mit Landesprogramm X.");
        GrantId g3 = readSide.apply(DUESSELDORF, 2025, ProgrammePart.PART_II_B, "Begleitung", 1_500_000);
        readSide.withdrawApplication(g3, DUESSELDORF, "Neuer Antrag folgt.");
        GrantId g4 = readSide.apply(DUESSELDORF, 2025, ProgrammePart.PART_II_D, "Qualifizierung", 800_000);
        readSide.publish(new nrw.komman.kernel.grant.ReviewOverdueEvent(g4, DUESSELDORF, LocalDate.of(2025, 1, 10),
                LocalDate.of(2025, 2, 21), LocalDate.of(2025, 2, 22)), nrw.komman.kernel.common.Actor.SYSTEM);
        readSide.publish(new CentreClosedEvent(VIERSEN, LocalDate.of(2025, 4, 30), "Zusammenlegung"), MINISTRY);

        // coordination (issue 18): a request staffed, taken place and closed; a weekly one declined, found unstaffed, then erased
        Schedule tuesday = Schedule.once(LocalDate.of(2025, 7, 1), LocalTime.of(9, 0), LocalTime.of(12, 0));
        HelpRequestId r1 = readSide.openRequest(KOELN, ACCOMPANIMENT, Set.of("ar"), tuesday, 1, "Familie K.", "Ausländerbehörde");
        AssignmentId a1a = readSide.ask(r1, amira, KOELN, tuesday);
        readSide.confirm(r1, a1a, amira, KOELN);
        readSide.tookPlace(r1, a1a, amira, KOELN, LocalDate.of(2025, 7, 1), 80);
        readSide.closeRequest(r1, KOELN, LocalDate.of(2025, 7, 2));
        Schedule thursdays = Schedule.weekly(LocalDate.of(2025, 6, 5), LocalDate.of(2025, 9, 25), Set.of(DayOfWeek.THURSDAY),
                LocalTime.of(15, 0), LocalTime.of(18, 0));
        HelpRequestId r2 = readSide.openRequest(DUESSELDORF, LEISURE_AND_SPORT, Set.of("tr", "ku"), thursdays, 2, "Café Ankommen", "Gemeindesaal");
        AssignmentId o2 = readSide.offer(r2, deniz, DUESSELDORF, thursdays);
        readSide.decline(r2, o2, deniz, DUESSELDORF, "Donnerstags arbeite ich");
        AssignmentId a2 = readSide.ask(r2, deniz, DUESSELDORF, thursdays);
        readSide.confirm(r2, a2, deniz, DUESSELDORF);
        // issue 19: found with one of two places confirmed before its first Thursday (the mark goes with the cancellation)
        readSide.unstaffed(r2, DUESSELDORF, thursdays.startsAt(), 1, 2);
        readSide.noShow(r2, a2, deniz, DUESSELDORF, LocalDate.of(2025, 6, 12));
        readSide.cancelAssignment(r2, a2, deniz, DUESSELDORF, true, "Umzug");
        readSide.cancelRequest(r2, DUESSELDORF, "Café geschlossen");
        readSide.eraseRequester(r2, DUESSELDORF);
        readSide.updateAvailability(amira, KOELN, new Availability(Set.of(new Availability.Slot(DayOfWeek.TUESDAY, DayPart.MORNING)),
                List.of(new Availability.Absence(LocalDate.of(2025, 8, 1), LocalDate.of(2025, 8, 20)))));
        VolunteerLinkId first = readSide.issueLink(amira, KOELN, "a".repeat(64), LocalDate.of(2025, 12, 31));
        readSide.revokeLink(amira, KOELN, first);
        readSide.issueLink(amira, KOELN, "b".repeat(64), LocalDate.of(2026, 6, 30));
        readSide.issueCertificate(amira, KOELN, LocalDate.of(2025, 7, 3),
                List.of(new CertificateLine(2025, ACCOMPANIMENT, 80), new CertificateLine(2025, INTERPRETING, 90)));
    }

    /** Every answer the read side gives about the history, as its users would ask. */
    public static Map<String, Object> answers(ReadSide readSide) {
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("centres", readSide.centres.handle(new FindCentresQuery(), as(AUDITOR)));
        for (CentreId centre : List.of(KOELN, DUESSELDORF, VIERSEN, DORTMUND)) {
            answers.put("roster " + centre, readSide.volunteers.handle(
                    new FindVolunteersQuery(centre, null, null, null, null, 0, 200), as(coordinatorOf(centre))));
            answers.put("log " + centre, readSide.activities.handle(
                    new FindActivitiesQuery(centre, null, null, null, null, 0, 200), as(coordinatorOf(centre))));
        }
        List<GrantView> grants = readSide.grants.handle(new FindGrantsQuery(null, null, null), as(AUDITOR));
        answers.put("grants", grants);
        List<Object> histories = new ArrayList<>();
        for (GrantView grant : grants) {
            histories.add(readSide.grants.handle(new FetchGrantHistoryQuery(grant.grantId()), as(AUDITOR)));
        }
        answers.put("histories", histories);
        for (int year : List.of(2024, 2025)) {
            answers.put("overview " + year, readSide.ministry.handle(new FetchMinistryOverviewQuery(year), as(MINISTRY)));
            answers.put("budgets " + year, readSide.budgets.handle(new FetchBudgetUseQuery(year), as(AUDITOR)));
        }
        answers.put("board " + KOELN, readSide.helpRequests.handle(new nrw.komman.kernel.coordination.FindHelpRequestsQuery(KOELN,
                Set.copyOf(java.util.EnumSet.allOf(nrw.komman.kernel.coordination.HelpRequestStatus.class)), null), as(coordinatorOf(KOELN))));
        answers.put("board " + DUESSELDORF, readSide.helpRequests.handle(new nrw.komman.kernel.coordination.FindHelpRequestsQuery(DUESSELDORF,
                Set.copyOf(java.util.EnumSet.allOf(nrw.komman.kernel.coordination.HelpRequestStatus.class)), null), as(coordinatorOf(DUESSELDORF))));
        answers.put("calendar " + DUESSELDORF, readSide.helpRequests.handle(new nrw.komman.kernel.coordination.FindCentreAssignmentsQuery(
                DUESSELDORF, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)), as(coordinatorOf(DUESSELDORF))));
        answers.put("programme dates", readSide.programmeDates.handle(new nrw.komman.kernel.grant.FetchProgrammeDatesQuery(),
                as(MINISTRY)));
        answers.put("coordination figures", readSide.coordinationFigures.handle(
                new nrw.komman.kernel.coordination.FetchCoordinationFiguresQuery(LocalDate.of(2025, 12, 31)), as(MINISTRY)));
        return answers;
    }

    /** Every row of every read-model table, in key order. */
    public static Map<String, List<Map<String, Object>>> tables(ReadSide readSide) {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        for (String table : ReadSide.TABLES) {
            tables.put(table, readSide.jdbc.getJdbcOperations().queryForList("select * from " + table + " order by 1, 2"));
        }
        return tables;
    }
}
