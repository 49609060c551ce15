package no.veiviser;

import java.util.Optional;

/** The service of the employee who asks, and whether it is one of the adult services. */
public record Reporter(Optional<String> service, boolean adultService) {
    /** The reporter's service not given. */
    public static final Reporter UNKNOWN = new Reporter(Optional.empty(), false);

    /**
     * Replaces a null service by empty.
     *
     * @param service the service code, from the guide's catalogue
     * @param adultService whether it is one of the adult services
     */
    public Reporter {
        service = service == null ? Optional.empty() : service;
    }

    /**
     * @param service the service code, from the guide's catalogue
     * @param adultService whether it is one of the adult services
     * @return the reporter
     */
    public static Reporter of(String service, boolean adultService) {
        return new Reporter(Optional.of(service), adultService);
    }
}
