package nrw.komman.web.demo;

import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.activity.ActivityId;
import nrw.komman.kernel.activity.LogActivityCommand;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.kernel.grant.ApplyForGrantCommand;
import nrw.komman.kernel.budget.BudgetId;
import nrw.komman.kernel.budget.SetBudgetCommand;
import nrw.komman.kernel.grant.ApproveGrantCommand;
import nrw.komman.kernel.grant.DisburseTrancheCommand;
import nrw.komman.kernel.grant.RequestFundsCommand;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.grant.ProgrammePart;
import nrw.komman.kernel.grant.Recommendation;
import nrw.komman.kernel.grant.ReviewGrantCommand;
import nrw.komman.kernel.volunteer.ConsentRecord;
import nrw.komman.kernel.volunteer.DeactivateVolunteerCommand;
import nrw.komman.kernel.volunteer.PersonalData;
import nrw.komman.kernel.volunteer.RegisterVolunteerCommand;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.web.account.AccountService;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code demo} profile: one account per role (coordinators for Köln, Düsseldorf and Kreis
 * Viersen, two ministry officials for the four-eyes rule) and a little history made through the
 * ordinary commands. Meant for evaluation on the embedded database; it refuses a PostgreSQL database
 * unless {@code komman.demo.allow-on-postgres=true}, so demo accounts never reach production by mistake.
 */
@Component
@Profile("demo")
@Order(20)
public class DemoData implements ApplicationRunner {

    /** The one password of every demo account (documented in the README). */
    public static final String PASSWORD = "KommAn-Demo-2026!";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final CentreId KOELN = new CentreId("05315");
    private static final CentreId DUESSELDORF = new CentreId("05111");
    private static final CentreId VIERSEN = new CentreId("05166");

    private final AccountService accounts;
    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final boolean allowOnPostgres;

    public DemoData(AccountService accounts, CommandGateway commands, JdbcTemplate jdbc, Clock clock,
                    @Value("${komman.demo.allow-on-postgres:false}") boolean allowOnPostgres) {
        this.accounts = accounts;
        this.commands = commands;
        this.jdbc = jdbc;
        this.clock = clock;
        this.allowOnPostgres = allowOnPostgres;
    }

    @Override
    public void run(ApplicationArguments args) {
        refuseProductionDatabase();
        boolean fresh = accounts.createIfAbsent("koordination.koeln", PASSWORD, AccountRole.COORDINATOR, KOELN, "demo");
        accounts.createIfAbsent("koordination.duesseldorf", PASSWORD, AccountRole.COORDINATOR, DUESSELDORF, "demo");
        accounts.createIfAbsent("koordination.viersen", PASSWORD, AccountRole.COORDINATOR, VIERSEN, "demo");
        accounts.createIfAbsent("bezirksregierung", PASSWORD, AccountRole.GRANT_OFFICER, null, "demo");
        accounts.createIfAbsent("ministerium.referat", PASSWORD, AccountRole.MINISTRY, null, "demo");
        accounts.createIfAbsent("ministerium.leitung", PASSWORD, AccountRole.MINISTRY, null, "demo");
        accounts.createIfAbsent("pruefung", PASSWORD, AccountRole.AUDITOR, null, "demo");
        if (fresh) {
            recordHistory();
            log.info("Demo accounts and data created; every demo account's password is {}", PASSWORD);
        }
    }

    private void refuseProductionDatabase() {
        String url = jdbc.execute((Connection c) -> {
            try {
                return c.getMetaData().getURL();
            } catch (SQLException e) {
                return "";
            }
        });
        if (url != null && url.startsWith("jdbc:postgresql") && !allowOnPostgres) {
            throw new IllegalStateException("The demo profile refuses to write demonstration accounts and data into "
                    + "PostgreSQL. Set komman.demo.allow-on-postgres=true if this database really is a demo database.");
        }
    }

    private void recordHistory() {
        LocalDate today = LocalDate.now(clock);
        LocalDate yearStart = today.withDayOfYear(1);
        Actor koeln = Actor.coordinator("koordination.koeln", KOELN);
        Actor duesseldorf = Actor.coordinator("koordination.duesseldorf", DUESSELDORF);

        Actor ministry = Actor.of("ministerium.leitung", AccountRole.MINISTRY);
        // the programme's budget of the year (13,4 Mio. € in 2018), and Köln's share of the arrival meeting points
        for (ProgrammePart part : ProgrammePart.values()) {
            String amount = switch (part) {
                case PART_I -> "5000000.00";
                case PART_III -> "3400000.00";
                default -> "1250000.00";
            };
            send(new SetBudgetCommand(BudgetId.of(today.getYear(), part), Money.parse(amount), "Haushaltsplan " + today.getYear()),
                    ministry);
        }
        send(new SetBudgetCommand(BudgetId.of(today.getYear(), ProgrammePart.PART_II_A, KOELN), Money.parse("120000.00"),
                "Anteil Köln nach Einwohnerzahl"), ministry);

        GrantId cafe = GrantId.random();
        send(new ApplyForGrantCommand(cafe, KOELN, today.getYear(), ProgrammePart.PART_II_A, "Ankommenstreffpunkt Kalk",
                "Wöchentliches Begegnungscafé für Neuzugewanderte mit ehrenamtlicher Begleitung", Money.parse("48000.00")), koeln);
        send(new ReviewGrantCommand(cafe, Recommendation.APPROVE, "Förderfähig; Kostenplan plausibel."),
                Actor.of("bezirksregierung", AccountRole.GRANT_OFFICER));
        send(new ApproveGrantCommand(cafe, Money.parse("45000.00"), "Sachkosten gekürzt."), ministry);
        send(new RequestFundsCommand(cafe, Money.parse("15000.00"), "Honorare und Miete erstes Quartal"), koeln);
        send(new DisburseTrancheCommand(cafe, Money.parse("15000.00"), today), Actor.of("bezirksregierung", AccountRole.GRANT_OFFICER));
        GrantId qualification = GrantId.random();
        send(new ApplyForGrantCommand(qualification, KOELN, today.getYear(), ProgrammePart.PART_II_D, "Qualifizierung Sprachpat*innen",
                "Vier Schulungsabende für neue Sprachpatinnen und Sprachpaten", Money.parse("6500.00")), koeln);
        send(new ReviewGrantCommand(qualification, Recommendation.APPROVE, "Förderfähig."), Actor.of("bezirksregierung", AccountRole.GRANT_OFFICER));
        send(new ApplyForGrantCommand(GrantId.random(), DUESSELDORF, today.getYear(), ProgrammePart.PART_II_C, "Ehrenamtsbörse",
                "Information und Gewinnung neuer Ehrenamtlicher", Money.parse("12000.00")), duesseldorf);

        List<String[]> people = List.of(
                new String[]{"Amina Haddad", "amina.haddad@example.org", "ar"},
                new String[]{"Jonas Becker", "jonas.becker@example.org", "de"},
                new String[]{"Olena Kowalenko", "olena.kowalenko@example.org", "uk"},
                new String[]{"Mehmet Yılmaz", "mehmet.yilmaz@example.org", "tr"},
                new String[]{"Sara Rahimi", "sara.rahimi@example.org", "fa"});
        ActivityCategory[] categories = {ActivityCategory.LANGUAGE_SUPPORT, ActivityCategory.ACCOMPANIMENT,
                ActivityCategory.ARRIVAL_MEETING_POINT, ActivityCategory.INTERPRETING, ActivityCategory.EDUCATION};
        for (int i = 0; i < people.size(); i++) {
            boolean inKoeln = i < 4;
            Actor coordinator = inKoeln ? koeln : duesseldorf;
            VolunteerId volunteer = VolunteerId.random();
            send(new RegisterVolunteerCommand(volunteer, inKoeln ? KOELN : DUESSELDORF,
                    new PersonalData(people.get(i)[0], people.get(i)[1], null, "nach Absprache",
                            new TreeSet<>(List.of(people.get(i)[2], "de")), Set.of(categories[i], ActivityCategory.OTHER)),
                    new ConsentRecord("Einwilligung Datenverarbeitung Ehrenamtskoordination", "2024-01",
                            yearStart.atStartOfDay().toInstant(ZoneOffset.UTC)), yearStart), coordinator);
            for (int a = 0; a < 6; a++) {
                LocalDate date = today.minusDays(a * 9L + i);
                if (date.isBefore(yearStart)) {
                    break;
                }
                boolean funded = inKoeln && categories[(i + a) % categories.length] == ActivityCategory.ARRIVAL_MEETING_POINT;
                send(new LogActivityCommand(volunteer, ActivityId.random(), date, 60 + 15 * ((i + a) % 5),
                        categories[(i + a) % categories.length], a == 0 ? "Termin beim Jobcenter begleitet" : null,
                        funded ? cafe : null), coordinator);
            }
            if (i == 3) {
                send(new DeactivateVolunteerCommand(volunteer), coordinator);
            }
        }
    }

    private void send(Object command, Actor actor) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(actor.toMetaData()));
    }
}
