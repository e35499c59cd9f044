package nrw.komman.web.privacy;

import nrw.komman.kernel.common.Nrw;
import nrw.komman.kernel.privacy.VolunteerDataExport;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * The information a volunteer is entitled to (DSGVO Art. 15) as a file: {@link #pdf} to hand over or send; the
 * JSON form is the record itself (Art. 20), written by the caller's Jackson mapper.
 *
 * <p>Only renders: the caller fetches the export and decides who may have it. "Stand" is the moment the query
 * side put the export together; without one, the application's {@link Clock} (when there is exactly one),
 * otherwise the system clock.
 */
@Component
public class VolunteerDataFiles {

    public static final String PDF_CONTENT_TYPE = "application/pdf";

    private final Clock clock;

    @Autowired
    public VolunteerDataFiles(ObjectProvider<Clock> clock) {
        this(clock.getIfUnique(Nrw::systemClock));
    }

    public VolunteerDataFiles(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A4 portrait, standard fonts (with an embedded fallback for other scripts), "Seite x von y". */
    public byte[] pdf(VolunteerDataExport export) {
        Objects.requireNonNull(export, "export");
        return VolunteerDataPdf.render(export, asOf(export));
    }

    /**
     * An ASCII name for the download that names no person: {@code auskunft-05315-1a2b3c4d.pdf} (centre key, the
     * first eight characters of the volunteer's pseudonymous id).
     */
    public String fileName(VolunteerDataExport export, String extension) {
        Objects.requireNonNull(export, "export");
        String centre = ascii(export.centreId() == null ? "" : export.centreId().value());
        String id = ascii(export.volunteerId() == null ? "" : export.volunteerId().toString());
        String ext = ascii(extension == null ? "" : extension.strip().replaceFirst("^\\.", "").toLowerCase(Locale.ROOT));
        StringBuilder name = new StringBuilder("auskunft");
        if (!centre.isEmpty()) {
            name.append('-').append(centre);
        }
        if (!id.isEmpty()) {
            name.append('-').append(id, 0, Math.min(8, id.length()));
        }
        if (!ext.isEmpty()) {
            name.append('.').append(ext);
        }
        return name.toString();
    }

    private Instant asOf(VolunteerDataExport export) {
        return export.exportedAt() != null ? export.exportedAt() : clock.instant();
    }

    private static String ascii(String text) {
        return text.replaceAll("[^A-Za-z0-9]", "");
    }
}
