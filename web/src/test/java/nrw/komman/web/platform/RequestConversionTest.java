package nrw.komman.web.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.activity.ActivityId;
import nrw.komman.kernel.activity.LogActivityCommand;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.centre.EstablishCentreCommand;
import nrw.komman.kernel.common.DomainException;
import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.grant.ApplyForGrantCommand;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.grant.ProgrammePart;
import nrw.komman.kernel.grant.Recommendation;
import nrw.komman.kernel.volunteer.RegisterVolunteerCommand;
import nrw.komman.kernel.volunteer.UpdateVolunteerProfileCommand;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.web.activity.CorrectActivityRequest;
import nrw.komman.web.activity.LogActivityRequest;
import nrw.komman.web.activity.WithdrawActivityRequest;
import nrw.komman.web.account.CreateAccountRequest;
import nrw.komman.web.centre.ClosureConfirmationRequest;
import nrw.komman.web.centre.ClosureProposalRequest;
import nrw.komman.web.centre.ClosureWithdrawalRequest;
import nrw.komman.web.centre.EstablishCentreRequest;
import nrw.komman.web.grant.ApplyForGrantRequest;
import nrw.komman.web.grant.ApproveGrantRequest;
import nrw.komman.web.grant.ReasonRequest;
import nrw.komman.web.grant.ReviewGrantRequest;
import nrw.komman.web.volunteer.ConsentRequest;
import nrw.komman.web.volunteer.RegisterVolunteerRequest;
import nrw.komman.web.volunteer.UpdateVolunteerProfileRequest;
import nrw.komman.web.platform.problem.InvalidFieldException;
import nrw.komman.web.platform.Ids;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class RequestConversionTest {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final CentreId KOELN = new CentreId("05315");
    private static final LocalDate TODAY = LocalDate.of(2025, 3, 31);
    private static final VolunteerId VOLUNTEER = VolunteerId.random();
    private static final ConsentRequest CONSENT = new ConsentRequest("Einwilligung Datenverarbeitung", "2024-01",
            Instant.parse("2025-03-01T09:00:00Z"));

    // ---- volunteers -----------------------------------------------------------------------

    @Test
    void a_valid_registration_becomes_the_command_with_normalised_languages() {
        RegisterVolunteerRequest request = new RegisterVolunteerRequest("Aylin Demir", "Aylin@Example.org", null, "abends",
                Set.of("AR", "de"), Set.of(ActivityCategory.LANGUAGE_SUPPORT), CONSENT, null);

        assertThat(violations(request)).isEmpty();
        RegisterVolunteerCommand command = request.toCommand(VOLUNTEER, KOELN);

        assertThat(command.volunteerId()).isEqualTo(VOLUNTEER);
        assertThat(command.centreId()).isEqualTo(KOELN);
        assertThat(command.personalData().email()).isEqualTo("aylin@example.org");
        assertThat(command.personalData().languages()).containsExactly("ar", "de");
        assertThat(command.personalData().interests()).containsExactly(ActivityCategory.LANGUAGE_SUPPORT);
        assertThat(command.consent().version()).isEqualTo("2024-01");
    }

    @Test
    void a_profile_update_becomes_the_command_with_languages_and_interests_in_the_personal_data() {
        UpdateVolunteerProfileRequest request = new UpdateVolunteerProfileRequest("Aylin Demir", null, "0221 123456", null,
                Set.of(" UK", "fa"), Set.of(ActivityCategory.INTERPRETING, ActivityCategory.ACCOMPANIMENT));

        assertThat(violations(request)).isEmpty();
        UpdateVolunteerProfileCommand command = request.toCommand(VOLUNTEER);

        assertThat(command.volunteerId()).isEqualTo(VOLUNTEER);
        assertThat(command.personalData().phone()).isEqualTo("0221 123456");
        assertThat(command.personalData().languages()).containsExactly("fa", "uk");
        assertThat(command.personalData().interests())
                .containsExactly(ActivityCategory.ACCOMPANIMENT, ActivityCategory.INTERPRETING);
        UpdateVolunteerProfileCommand none = new UpdateVolunteerProfileRequest("Aylin Demir", "a@b.de", null, null, null, null)
                .toCommand(VOLUNTEER);
        assertThat(none.personalData().languages()).isEmpty();
        assertThat(none.personalData().interests()).isEmpty();
    }

    @Test
    void a_registration_with_missing_or_oversized_fields_gets_german_field_messages() {
        RegisterVolunteerRequest request = new RegisterVolunteerRequest(" ", "x".repeat(255), null, "y".repeat(501),
                Set.of(""), null, new ConsentRequest(null, "v".repeat(41), null), null);

        assertThat(violations(request)).containsOnly(
                entry("name", "fehlt"),
                entry("email", "darf höchstens 254 Zeichen lang sein"),
                entry("availability", "darf höchstens 500 Zeichen lang sein"),
                entry("languages[].<iterable element>", "fehlt"),
                entry("consent.document", "fehlt"),
                entry("consent.version", "darf höchstens 40 Zeichen lang sein"),
                entry("consent.givenAt", "fehlt"));
    }

    @Test
    void a_registration_without_consent_is_refused() {
        RegisterVolunteerRequest request = new RegisterVolunteerRequest("Aylin Demir", "aylin@example.org", null, null,
                null, null, null, null);

        assertThat(violations(request)).containsExactly(entry("consent", "fehlt"));
        assertThatThrownBy(() -> request.toCommand(VOLUNTEER, KOELN)).isInstanceOf(InvalidInputException.class)
                .hasMessage("Die Einwilligung zur Datenverarbeitung fehlt.");
    }

    @Test
    void the_shared_kernel_refuses_a_volunteer_without_contact_and_unknown_languages() {
        assertThatThrownBy(() -> new RegisterVolunteerRequest("Aylin Demir", null, null, null, null, null, CONSENT, null)
                .toCommand(VOLUNTEER, KOELN))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("contact.missing"));
        assertThatThrownBy(() -> new UpdateVolunteerProfileRequest("Aylin Demir", null, "0221 123456", null, Set.of("xx"), null)
                .toCommand(VOLUNTEER))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("languages.unknown"));
        assertThatThrownBy(() -> new UpdateVolunteerProfileRequest("Aylin Demir", "kein-mail", null, null, null, null)
                .toCommand(VOLUNTEER))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("email.malformed"));
    }

    @Test
    void more_than_thirty_languages_are_refused_by_validation() {
        Set<String> many = new LinkedHashSet<>(List.of(java.util.Locale.getISOLanguages()).subList(0, 31));

        assertThat(violations(new UpdateVolunteerProfileRequest("Aylin Demir", "a@b.de", null, null, many, null)))
                .containsExactly(entry("languages", "darf höchstens 30 Einträge haben"));
    }

    // ---- activities -----------------------------------------------------------------------

    @Test
    void an_activity_becomes_the_command_with_an_optional_grant() {
        GrantId grant = GrantId.random();
        LogActivityCommand command = new LogActivityRequest(LocalDate.of(2025, 3, 3), 90, ActivityCategory.ACCOMPANIMENT,
                "Ausländerbehörde", grant.toString()).toCommand(VOLUNTEER, ActivityId.random());

        assertThat(command.minutes()).isEqualTo(90);
        assertThat(command.grantId()).isEqualTo(grant);
        assertThat(new LogActivityRequest(LocalDate.of(2025, 3, 3), 90, ActivityCategory.OTHER, null, " ")
                .toCommand(VOLUNTEER, ActivityId.random()).grantId()).isNull();
    }

    @Test
    void an_activity_of_zero_minutes_or_more_than_a_day_is_refused_with_the_field() {
        assertThat(violations(new LogActivityRequest(LocalDate.of(2025, 3, 3), 0, ActivityCategory.OTHER, null, null)))
                .containsExactly(entry("minutes", "muss mindestens 1 Minute sein"));
        assertThat(violations(new LogActivityRequest(LocalDate.of(2025, 3, 3), 25 * 60, ActivityCategory.OTHER, null, null)))
                .containsExactly(entry("minutes", "darf höchstens 1440 Minuten (24 Stunden) sein"));
        assertThat(violations(new CorrectActivityRequest(null, null, null, "n".repeat(501), null, "")))
                .containsOnly(entry("date", "fehlt"), entry("minutes", "fehlt"), entry("category", "fehlt"),
                        entry("note", "darf höchstens 500 Zeichen lang sein"), entry("reason", "fehlt"));
        assertThat(violations(new WithdrawActivityRequest("r".repeat(501))))
                .containsExactly(entry("reason", "darf höchstens 500 Zeichen lang sein"));
    }

    @Test
    void a_malformed_grant_reference_names_the_field() {
        assertThatThrownBy(() -> new LogActivityRequest(LocalDate.of(2025, 3, 3), 60, ActivityCategory.OTHER, null, "42")
                .toCommand(VOLUNTEER, ActivityId.random()))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                    assertThat(e.field()).isEqualTo("grantId");
                    assertThat(e.code()).isEqualTo("grant.id.malformed");
                });
    }

    @Test
    void minutes_must_be_whole_numbers_in_json() throws Exception {
        assertThat(JSON.readValue("{\"minutes\": 90}", LogActivityRequest.class).minutes()).isEqualTo(90);
        assertThat(JSON.readValue("{\"minutes\": \"45\"}", LogActivityRequest.class).minutes()).isEqualTo(45);
        assertThatThrownBy(() -> JSON.readValue("{\"minutes\": 90.5}", LogActivityRequest.class))
                .isInstanceOf(InvalidFormatException.class);
        assertThatThrownBy(() -> JSON.readValue("{\"minutes\": \"1,5\"}", LogActivityRequest.class))
                .isInstanceOf(InvalidFormatException.class);
        assertThatThrownBy(() -> JSON.readValue("{\"minutes\": 99999999999}", LogActivityRequest.class))
                .isInstanceOf(InvalidFormatException.class);
        assertThatThrownBy(() -> JSON.readValue("{\"minutes\": true}", LogActivityRequest.class))
                .isInstanceOf(com.fasterxml.jackson.databind.exc.MismatchedInputException.class);
    }

    // ---- grants ---------------------------------------------------------------------------

    @Test
    void an_application_becomes_the_command_with_exact_money() {
        ApplyForGrantRequest request = new ApplyForGrantRequest(null, 2026, ProgrammePart.PART_II_A,
                "Ankommenstreffpunkt Ehrenfeld", "Wöchentliches Café", "12500.5");

        assertThat(violations(request)).isEmpty();
        ApplyForGrantCommand command = request.toCommand(GrantId.random(), KOELN);

        assertThat(command.requestedAmount()).isEqualTo(Money.ofCents(1_250_050));
        assertThat(command.fundingYear()).isEqualTo(2026);
    }

    @Test
    void negative_imprecise_malformed_and_absurd_amounts_are_refused_with_the_field() {
        assertMoneyRefused("-5", "money.negative");
        assertMoneyRefused("12.345", "money.too-precise");
        assertMoneyRefused("12.500,00", "money.malformed");
        assertMoneyRefused("2000000000", "money.too-large");
        assertThatThrownBy(() -> new ApproveGrantRequest("abc", null).toCommand(GrantId.random()))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("approvedAmount"));
    }

    @Test
    void a_zero_amount_is_refused_by_the_command() {
        assertThatThrownBy(() -> new ApplyForGrantRequest(null, 2026, ProgrammePart.PART_I, "T", "P", "0.00")
                .toCommand(GrantId.random(), KOELN))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("requestedAmount.zero"));
    }

    @Test
    void an_application_with_missing_or_oversized_fields_gets_german_field_messages() {
        ApplyForGrantRequest request = new ApplyForGrantRequest("123456789", 2015, null, "t".repeat(201), "", null);

        assertThat(violations(request)).containsOnly(
                entry("centreId", "darf höchstens 8 Zeichen lang sein"),
                entry("fundingYear", "muss mindestens 2016 sein"),
                entry("programmePart", "fehlt"),
                entry("title", "darf höchstens 200 Zeichen lang sein"),
                entry("purpose", "fehlt"),
                entry("requestedAmount", "fehlt"));
        assertThat(violations(new ApplyForGrantRequest(null, 2101, ProgrammePart.PART_I, "T", "P", "1")))
                .containsExactly(entry("fundingYear", "darf höchstens 2100 sein"));
    }

    @Test
    void reviews_decisions_and_reasons_need_their_texts() {
        assertThat(violations(new ReviewGrantRequest(null, " "))).containsOnly(entry("recommendation", "fehlt"), entry("note", "fehlt"));
        assertThat(violations(new ReasonRequest("r".repeat(4001)))).containsExactly(entry("reason", "darf höchstens 4000 Zeichen lang sein"));
        assertThat(violations(new ApproveGrantRequest("", null))).containsExactly(entry("approvedAmount", "fehlt"));
        GrantId id = GrantId.random();
        assertThat(new ReviewGrantRequest(Recommendation.APPROVE, "Förderfähig").toCommand(id).grantId()).isEqualTo(id);
        assertThat(new ReasonRequest("Zu spät").toRejection(id).reason()).isEqualTo("Zu spät");
        assertThat(new ReasonRequest("Doppelt").toWithdrawal(id).reason()).isEqualTo("Doppelt");
        assertThat(new ApproveGrantRequest("9000.00", " ").toCommand(id).approvedAmount()).isEqualTo(Money.parse("9000"));
    }

    // ---- centres, accounts, ids -----------------------------------------------------------

    @Test
    void establishing_a_centre_checks_the_official_key_and_defaults_the_date_to_today() {
        EstablishCentreCommand command = new EstablishCentreRequest(" 05166 ", "Kreis Viersen", "Kreis", null).toCommand(TODAY);

        assertThat(command.centreId()).isEqualTo(new CentreId("05166"));
        assertThat(command.establishedOn()).isEqualTo(TODAY);
        assertThatThrownBy(() -> new EstablishCentreRequest("12345", "X", "Kreis", null).toCommand(TODAY))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                    assertThat(e.field()).isEqualTo("centreId");
                    assertThat(e.code()).isEqualTo("centre.id.malformed");
                });
        assertThat(violations(new EstablishCentreRequest(null, "n".repeat(201), "t".repeat(61), null))).containsOnly(
                entry("centreId", "fehlt"), entry("name", "darf höchstens 200 Zeichen lang sein"),
                entry("type", "darf höchstens 60 Zeichen lang sein"));
    }

    @Test
    void closing_a_centre_needs_a_reason_and_defaults_the_date_to_today() {
        assertThat(new ClosureProposalRequest(null, "Zusammenlegung").toCommand(KOELN, TODAY).closedOn()).isEqualTo(TODAY);
        assertThat(violations(new ClosureProposalRequest(null, ""))).containsExactly(entry("reason", "fehlt"));
        // the confirmation names the date it confirms; no default, so nothing is confirmed unseen
        assertThat(violations(new ClosureConfirmationRequest(null))).containsExactly(entry("closedOn", "fehlt"));
        assertThat(violations(new ClosureWithdrawalRequest(" "))).containsExactly(entry("reason", "fehlt"));
    }

    @Test
    void an_account_request_never_shows_its_password() {
        CreateAccountRequest request = new CreateAccountRequest("k.mueller", "Lange-Passphrase-42", null, null);

        assertThat(request.toString()).doesNotContain("Lange-Passphrase-42");
        assertThat(violations(request)).containsExactly(entry("role", "fehlt"));
    }

    @Test
    void malformed_path_ids_become_field_errors_with_the_shared_kernel_code() {
        assertThatThrownBy(() -> Ids.volunteer("volunteerId", "nicht-eine-uuid"))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                    assertThat(e.field()).isEqualTo("volunteerId");
                    assertThat(((DomainException) e).code()).isEqualTo("volunteer.id.malformed");
                    assertThat(e.getMessage()).isEqualTo("„nicht-eine-uuid“ ist keine gültige Kennung.");
                });
        assertThatThrownBy(() -> Ids.activity("activityId", "1")).isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> Ids.grant("grantId", null)).isInstanceOf(InvalidFieldException.class);
        assertThat(Ids.optional("volunteerId", " ", VolunteerId::parse)).isNull();
    }

    private static void assertMoneyRefused(String amount, String code) {
        assertThatThrownBy(() -> new ApplyForGrantRequest(null, 2026, ProgrammePart.PART_I, "T", "P", amount)
                .toCommand(GrantId.random(), KOELN))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                    assertThat(e.field()).isEqualTo("requestedAmount");
                    assertThat(e.code()).isEqualTo(code);
                });
    }

    private static Map<String, String> violations(Object request) {
        Set<ConstraintViolation<Object>> violations = VALIDATOR.validate(request);
        return violations.stream().collect(Collectors.toMap(v -> v.getPropertyPath().toString(), ConstraintViolation::getMessage,
                (a, b) -> a + " | " + b, TreeMap::new));
    }
}
