package nrw.komman.kernel.access;

import nrw.komman.kernel.common.ForbiddenException;

/** What a refused actor is told: a stable code for programs and a German sentence for people. */
public record PermissionRefusal(String code, String message) {

    public ForbiddenException exception() {
        return new ForbiddenException(code, message);
    }
}
