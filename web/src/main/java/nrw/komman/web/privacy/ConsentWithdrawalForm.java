package nrw.komman.web.privacy;

import jakarta.validation.constraints.NotNull;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * When the volunteer withdrew consent: a day and a time of day in North Rhine-Westphalia. The form posts to the
 * confirmation page ({@code step} empty), which posts {@code confirm} (recorded, data erased) or {@code change}.
 */
public class ConsentWithdrawalForm {

    @NotNull(message = "{ui.withdrawal.date.required}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate date;

    @NotNull(message = "{ui.withdrawal.time.required}")
    @DateTimeFormat(pattern = "HH:mm")
    private LocalTime time;

    private String step;

    public LocalDate getDate() { return date; }
    public void setDate(LocalDate date) { this.date = date; }
    public LocalTime getTime() { return time; }
    public void setTime(LocalTime time) { this.time = time; }
    public String getStep() { return step; }
    public void setStep(String step) { this.step = step; }

    /** The moment, the day and time read in {@code zone}; null while either is missing. */
    public Instant withdrawnAt(ZoneId zone) {
        return date == null || time == null ? null : date.atTime(time).atZone(zone).toInstant();
    }

    public boolean confirmed() {
        return "confirm".equals(step);
    }

    public boolean changing() {
        return "change".equals(step);
    }
}
