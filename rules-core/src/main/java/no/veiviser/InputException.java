package no.veiviser;

import java.util.List;
import java.util.stream.Collectors;

/** Bad input: carries every problem found, each with its location, so all can be fixed at once. */
public abstract sealed class InputException extends RuntimeException permits GuideException, CaseException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    InputException(String what, List<Problem> problems) {
        super(what + " has " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + ":\n"
                + problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /** @return every problem found, errors and warnings, in file order */
    public List<Problem> problems() {
        return problems;
    }
}
