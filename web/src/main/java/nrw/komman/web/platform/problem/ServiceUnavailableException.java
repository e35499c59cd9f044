package nrw.komman.web.platform.problem;

/** The platform could not answer in time or a part of it is not reachable (503); the request may be retried. */
public class ServiceUnavailableException extends RuntimeException {

    public ServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
