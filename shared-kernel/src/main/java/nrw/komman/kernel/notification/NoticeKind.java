package nrw.komman.kernel.notification;

import nrw.komman.kernel.common.AccountRole;

import java.util.EnumSet;
import java.util.Set;

import static nrw.komman.kernel.common.AccountRole.COORDINATOR;
import static nrw.komman.kernel.common.AccountRole.GRANT_OFFICER;
import static nrw.komman.kernel.common.AccountRole.MINISTRY;
import static nrw.komman.kernel.common.AccountRole.VOLUNTEER;

/**
 * The kinds of notice, each with the roles told (coordinators: of the item's centre only) and the e-mail default of
 * an account that chose nothing. The texts (German and English, plain text and HTML) are the web's
 * ({@code notice.<code>.*}); a notice carries ids, codes, dates and amounts only, never a volunteer's personal data,
 * so that nothing personal reaches the ministry, the grant authority or auditors. The volunteer's kinds go by
 * e-mail only, and only with the volunteer's consent to be contacted by e-mail.
 */
public enum NoticeKind {
    // grants: the centre, the grant authority and the ministry are told what waits for them
    GRANT_APPLIED(NoticeDelivery.IMMEDIATELY, GRANT_OFFICER),
    GRANT_REVIEWED(NoticeDelivery.IMMEDIATELY, MINISTRY),
    GRANT_APPROVED(NoticeDelivery.IMMEDIATELY, COORDINATOR),
    GRANT_REJECTED(NoticeDelivery.IMMEDIATELY, COORDINATOR),
    GRANT_RAISE_PROPOSED(NoticeDelivery.IMMEDIATELY, MINISTRY),
    FUNDS_REQUESTED(NoticeDelivery.IMMEDIATELY, GRANT_OFFICER),
    TRANCHE_DISBURSED(NoticeDelivery.DAILY_DIGEST, COORDINATOR),
    USAGE_REPORT_SUBMITTED(NoticeDelivery.IMMEDIATELY, GRANT_OFFICER),
    // grant dates (recorded by the platform when they pass)
    USAGE_REPORT_DUE_SOON(NoticeDelivery.IMMEDIATELY, COORDINATOR),
    USAGE_REPORT_OVERDUE(NoticeDelivery.IMMEDIATELY, COORDINATOR, GRANT_OFFICER),
    USAGE_REPORT_DUE_EXTENDED(NoticeDelivery.IMMEDIATELY, COORDINATOR),
    TRANCHE_SPENDING_OVERDUE(NoticeDelivery.IMMEDIATELY, COORDINATOR, GRANT_OFFICER),
    REVIEW_OVERDUE(NoticeDelivery.IMMEDIATELY, GRANT_OFFICER),
    DECISION_OVERDUE(NoticeDelivery.IMMEDIATELY, MINISTRY),
    // coordination: the coordinators hear the volunteers' answers; the volunteer hears of what is asked of them
    ASSIGNMENT_CONFIRMED(NoticeDelivery.IMMEDIATELY, COORDINATOR),
    ASSIGNMENT_DECLINED(NoticeDelivery.IMMEDIATELY, COORDINATOR),
    REQUEST_UNSTAFFED(NoticeDelivery.IMMEDIATELY, COORDINATOR),
    ASSIGNMENT_ASKED(NoticeDelivery.IMMEDIATELY, VOLUNTEER),
    ASSIGNMENT_REMINDER(NoticeDelivery.IMMEDIATELY, VOLUNTEER);

    private final NoticeDelivery defaultDelivery;
    private final Set<AccountRole> audience;

    NoticeKind(NoticeDelivery defaultDelivery, AccountRole first, AccountRole... more) {
        this.defaultDelivery = defaultDelivery;
        this.audience = EnumSet.of(first, more);
    }

    /** The roles told of this kind. */
    public Set<AccountRole> audience() {
        return EnumSet.copyOf(audience);
    }

    /** E-mail for an account that chose nothing for this kind. */
    public NoticeDelivery defaultDelivery() {
        return defaultDelivery;
    }

    /** Whether a volunteer (through e-mail, with consent) is told, rather than accounts. */
    public boolean toVolunteer() {
        return audience.contains(VOLUNTEER);
    }

    /** Whether an account of this role is told of this kind. */
    public boolean tells(AccountRole role) {
        return audience.contains(role);
    }
}
