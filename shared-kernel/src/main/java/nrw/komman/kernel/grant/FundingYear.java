package nrw.komman.kernel.grant;

import nrw.komman.kernel.common.InvalidInputException;

import java.time.LocalDate;

/** The funding year is the calendar year; KOMM-AN started in 2016. */
public final class FundingYear {

    public static final int FIRST = 2016;
    public static final int LAST = 2100;

    private FundingYear() {
    }

    public static int validate(Integer year) {
        if (year == null) {
            throw new InvalidInputException("fundingYear.missing", "Das Förderjahr fehlt.");
        }
        if (year < FIRST || year > LAST) {
            throw new InvalidInputException("fundingYear.out-of-range",
                    "Das Förderjahr muss zwischen " + FIRST + " und " + LAST + " liegen.");
        }
        return year;
    }

    public static boolean contains(int year, LocalDate date) {
        return date.getYear() == year;
    }
}
