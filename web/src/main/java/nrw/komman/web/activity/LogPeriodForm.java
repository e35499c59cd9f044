package nrw.komman.web.activity;

import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;

/** The period of the activity log's filter ({@code ?von=…&bis=…}); the rules are the kernel's ({@code LogPeriod}). */
public class LogPeriodForm {

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate von;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate bis;

    public LocalDate getVon() {
        return von;
    }

    public void setVon(LocalDate von) {
        this.von = von;
    }

    public LocalDate getBis() {
        return bis;
    }

    public void setBis(LocalDate bis) {
        this.bis = bis;
    }
}
