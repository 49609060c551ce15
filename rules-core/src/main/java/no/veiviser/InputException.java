package no.veiviser;

import java.util.List;
import java.util.stream.Collectors;

/** Bad input: carries every problem found, each with its location, so all can be fixed at once. */
public abstract sealed class InputException extends RuntimeException permits GuideException, CaseException {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    InputException(String what, List<Problem> problems) {
        this(what, problems, true);
    }

    /**
     * @param withMessages whether the exception's message carries the problems' messages; without, it names only
     *                     where they are, because a case's problems quote its values and messages end up in logs
     */
    InputException(String what, List<Problem> problems, boolean withMessages) {
        super(what + " has " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + (withMessages
                ? ":\n" + problems.stream().map(Problem::toString).collect(Collectors.joining("\n"))
                : " at " + problems.stream().map(p -> p.where().isEmpty() ? "?" : p.where()).distinct().limit(20)
                        .collect(Collectors.joining(", ")) + " (the messages quote case values: see problems())"));
        this.problems = List.copyOf(problems);
    }

    /** @return every problem found, errors and warnings, in file order */
    public List<Problem> problems() {
        return problems;
    }
}
