package nrw.komman.kernel.grant;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.volunteer.*;

import java.time.*;
import java.util.*;

/** A grant with its amounts, decision and the next step due. */
public record GrantView(GrantId grantId, CentreId centreId, String centreName, Regierungsbezirk regierungsbezirk, int fundingYear, ProgrammePart programmePart, String title, String purpose, GrantStatus status, Money requestedAmount, Money approvedAmount, Recommendation recommendation, String reviewNote, String decisionNote, LocalDate appliedOn, String appliedBy, String reviewedBy, String decidedBy, LocalDate decidedOn, String nextStep) {
}
