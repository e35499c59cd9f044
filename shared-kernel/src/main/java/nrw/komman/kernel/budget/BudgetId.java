package nrw.komman.kernel.budget;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.grant.FundingYear;
import nrw.komman.kernel.grant.ProgrammePart;

/**
 * Identifies one budget: a funding year and programme part for the whole state, or, when
 * {@code centreId} is given, the share of one centre in it. String form {@code 2026/PART_II_A} or
 * {@code 2026/PART_II_A/05315}; Axon uses it as the aggregate identifier.
 */
public record BudgetId(int fundingYear, ProgrammePart programmePart, CentreId centreId) {

    public BudgetId {
        FundingYear.validate(fundingYear);
        if (programmePart == null) {
            throw new InvalidInputException("programmePart.missing", "Der Programmteil fehlt.");
        }
    }

    public static BudgetId of(int fundingYear, ProgrammePart programmePart) {
        return new BudgetId(fundingYear, programmePart, null);
    }

    public static BudgetId of(int fundingYear, ProgrammePart programmePart, CentreId centreId) {
        return new BudgetId(fundingYear, programmePart, centreId);
    }

    /** The state-wide budget this one belongs to (itself when it is state-wide). */
    public BudgetId stateWide() {
        return new BudgetId(fundingYear, programmePart, null);
    }

    public boolean isForCentre() {
        return centreId != null;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static BudgetId parse(String text) {
        String[] parts = text == null ? new String[0] : text.split("/", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new InvalidInputException("budget.id.malformed", "„" + text + "“ ist keine gültige Budget-Kennung.");
        }
        int year;
        ProgrammePart part;
        try {
            year = Integer.parseInt(parts[0]);
            part = ProgrammePart.valueOf(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("budget.id.malformed", "„" + text + "“ ist keine gültige Budget-Kennung.");
        }
        return new BudgetId(year, part, parts.length == 3 ? new CentreId(parts[2]) : null);
    }

    @JsonValue
    @Override
    public String toString() {
        return fundingYear + "/" + programmePart.name() + (centreId == null ? "" : "/" + centreId.value());
    }
}
