package no.veiviser;

import java.util.Optional;

/** The service of the employee who asks, and whether it is one of the adult services. */
public record Reporter(Optional<String> service, boolean adultService) {
    public static final Reporter UNKNOWN = new Reporter(Optional.empty(), false);

    public Reporter {
        service = service == null ? Optional.empty() : service;
    }

    public static Reporter of(String service, boolean adultService) {
        return new Reporter(Optional.of(service), adultService);
    }
}
