package no.veiviser.server;

/** Thrown when a handler reads more of a request body than {@link HttpServers.Limits#maxBodyBytes()}; answered with 413. */
public final class RequestTooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RequestTooLargeException(long limit) {
        super("request body over " + limit + " bytes");
    }
}
