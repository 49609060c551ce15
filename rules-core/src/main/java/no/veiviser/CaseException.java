package no.veiviser;

import java.util.List;

/** A case file, or a case built in Java, is not valid for the guide it is evaluated against. */
public final class CaseException extends InputException {
    private static final long serialVersionUID = 1L;

    /** @param problems every problem found, errors first or in file order */
    public CaseException(List<Problem> problems) {
        super("case", problems, false); // never case values in getMessage(): applications log exceptions
    }
}
