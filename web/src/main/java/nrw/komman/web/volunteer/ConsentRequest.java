package nrw.komman.web.volunteer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nrw.komman.kernel.volunteer.ConsentRecord;

import java.time.Instant;

import static nrw.komman.web.platform.Messages.REQUIRED;
import static nrw.komman.web.platform.Messages.TOO_LONG;

/**
 * @param document the consent text agreed to
 * @param version  its version, e.g. "2024-01"
 * @param givenAt  when the volunteer consented (ISO-8601 instant, e.g. 2025-03-31T10:15:00Z)
 */
public record ConsentRequest(
        @NotBlank(message = REQUIRED) @Size(max = 200, message = TOO_LONG) String document,
        @NotBlank(message = REQUIRED) @Size(max = 40, message = TOO_LONG) String version,
        @NotNull(message = REQUIRED) Instant givenAt) {

    public ConsentRecord toRecord() {
        return new ConsentRecord(document, version, givenAt);
    }
}
