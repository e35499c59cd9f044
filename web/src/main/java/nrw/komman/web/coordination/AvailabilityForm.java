package nrw.komman.web.coordination;

import nrw.komman.kernel.coordination.Availability;
import nrw.komman.kernel.coordination.DayPart;
import org.springframework.validation.BindingResult;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The availability form shared by the volunteer's own page and the coordinator's: ticked slots
 * ({@code "TUESDAY:MORNING"}) and rows "away from … until …" (the recorded ones and {@link #EMPTY_ROWS} empty ones to
 * fill in; more after saving). {@link #check} names every problem of the rows at once, each at its field (ADR 29).
 */
public class AvailabilityForm {

    static final int EMPTY_ROWS = 3;
    /**
     * The most rows "away" the binder fills: more than the form ever shows ({@link Availability#MAX_ABSENCES}); an
     * index beyond is refused as malformed input (400) before any work, not a list grown to Spring's 256 rows.
     */
    static final int MAX_ROWS = Availability.MAX_ABSENCES + EMPTY_ROWS;

    /** Caps the rows the binder may create; for the pages that bind this form. */
    static void limitRows(org.springframework.web.bind.WebDataBinder binder) {
        binder.setAutoGrowCollectionLimit(MAX_ROWS);
    }
    /** The table's rows and columns, in the order shown. */
    static final List<DayOfWeek> DAYS = List.of(DayOfWeek.values());
    static final List<DayPart> PARTS = List.of(DayPart.values());

    private Set<String> slots = new HashSet<>();
    private List<AwayRow> away = new ArrayList<>();

    public static AvailabilityForm of(Availability availability) {
        AvailabilityForm form = new AvailabilityForm();
        availability.weekly().forEach(s -> form.slots.add(key(s.day(), s.part())));
        availability.away().forEach(a -> form.away.add(new AwayRow(a.from().toString(), a.until().toString())));
        form.addEmptyRows();
        return form;
    }

    /** Fills up to three empty rows, never beyond the most periods away the platform records. */
    void addEmptyRows() {
        int empty = 0;
        for (AwayRow row : away) {
            if (row.blank()) {
                empty++;
            }
        }
        while (empty < EMPTY_ROWS && away.size() < Availability.MAX_ABSENCES) {
            away.add(new AwayRow("", ""));
            empty++;
        }
    }

    /** The fields in the order of the form, for the error summary. */
    public List<String> fieldOrder() {
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < away.size(); i++) {
            fields.add("away[" + i + "].from");
            fields.add("away[" + i + "].until");
        }
        return fields;
    }

    static String key(DayOfWeek day, DayPart part) {
        return day.name() + ":" + part.name();
    }

    /**
     * The availability the form says, every wrong row reported on its own fields at once; null when any was wrong.
     * Empty rows are skipped: they are the spare rows.
     */
    Availability check(BindingResult binding) {
        Set<Availability.Slot> weekly = new HashSet<>();
        for (String slot : slots == null ? Set.<String>of() : slots) {
            String[] parts = slot.split(":");
            try {
                weekly.add(new Availability.Slot(DayOfWeek.valueOf(parts[0]), DayPart.valueOf(parts[1])));
            } catch (RuntimeException e) {
                binding.reject("availability.slot.unknown", "Eine angekreuzte Zeit ist unbekannt.");
            }
        }
        List<Availability.Absence> absences = new ArrayList<>();
        for (int i = 0; i < away.size(); i++) {
            AwayRow row = away.get(i);
            if (row == null || row.blank()) {
                continue;
            }
            LocalDate from = date(row.getFrom(), "away[" + i + "].from", binding, "availability.away.from");
            LocalDate until = date(row.getUntil(), "away[" + i + "].until", binding, "availability.away.until");
            if (from != null && until != null) {
                if (until.isBefore(from)) {
                    binding.rejectValue("away[" + i + "].until", "availability.away.order",
                            "Der letzte Tag darf nicht vor dem ersten liegen.");
                } else {
                    absences.add(new Availability.Absence(from, until));
                }
            }
        }
        if (absences.size() > Availability.MAX_ABSENCES) {
            binding.reject("availability.away.too-many", "Höchstens " + Availability.MAX_ABSENCES + " Abwesenheiten können eingetragen werden.");
        }
        return binding.hasErrors() ? null : new Availability(weekly, absences);
    }

    private static LocalDate date(String text, String field, BindingResult binding, String code) {
        if (text == null || text.isBlank()) {
            binding.rejectValue(field, code + ".missing", code.endsWith("from") ? "Der erste Tag fehlt." : "Der letzte Tag fehlt.");
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            binding.rejectValue(field, code + ".malformed", "Bitte ein Datum angeben, z. B. 24.12.2026.");
            return null;
        }
    }

    public Set<String> getSlots() {
        return slots;
    }

    public void setSlots(Set<String> slots) {
        this.slots = slots == null ? new HashSet<>() : slots;
    }

    public List<AwayRow> getAway() {
        return away;
    }

    public void setAway(List<AwayRow> away) {
        this.away = away == null ? new ArrayList<>() : away;
    }

    /** One row "away from … until …"; ISO dates, as the browser's date field sends them. */
    public static class AwayRow {
        private String from;
        private String until;

        public AwayRow() {
        }

        AwayRow(String from, String until) {
            this.from = from;
            this.until = until;
        }

        boolean blank() {
            return (from == null || from.isBlank()) && (until == null || until.isBlank());
        }

        public String getFrom() {
            return from;
        }

        public void setFrom(String from) {
            this.from = from;
        }

        public String getUntil() {
            return until;
        }

        public void setUntil(String until) {
            this.until = until;
        }
    }
}
