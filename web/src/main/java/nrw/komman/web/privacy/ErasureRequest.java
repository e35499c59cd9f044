package nrw.komman.web.privacy;

import jakarta.validation.constraints.NotNull;
import nrw.komman.kernel.privacy.ErasureReason;

import static nrw.komman.web.platform.Messages.REQUIRED;

/**
 * The request to erase a volunteer's personal data: the reason must be said explicitly, since erasure cannot be
 * undone. Only {@code REQUEST} here; a withdrawal of consent has its own address (with its time), and the
 * retention rules erase through a retention run.
 */
public record ErasureRequest(@NotNull(message = REQUIRED) ErasureReason reason) {
}
