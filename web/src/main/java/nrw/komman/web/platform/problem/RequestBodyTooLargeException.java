package nrw.komman.web.platform.problem;

import java.io.IOException;

/** Thrown while reading a request body that exceeds the API's limit; answered with 413. */
public class RequestBodyTooLargeException extends IOException {

    private final long limit;

    public RequestBodyTooLargeException(long limit) {
        super("request body exceeds " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
