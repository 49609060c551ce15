package no.veiviser.internal.yaml;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import no.veiviser.Problem;

/** Collects problems while reading, so that every one is reported, not just the first. */
public final class Problems {
    private final List<Problem> list = new ArrayList<>();

    public void error(Location at, String message, String hint) {
        list.add(new Problem(Problem.Severity.ERROR, at.file(), at.line(), at.column(), message, hint));
    }

    public void error(Location at, String message) {
        error(at, message, null);
    }

    public void warning(Location at, String message, String hint) {
        list.add(new Problem(Problem.Severity.WARNING, at.file(), at.line(), at.column(), message, hint));
    }

    public void addAll(List<Problem> problems) {
        list.addAll(problems);
    }

    public boolean hasErrors() {
        return list.stream().anyMatch(Problem::isError);
    }

    public int size() {
        return list.size();
    }

    /** In file order: file, then line, then column; the order found breaks ties. */
    public List<Problem> sorted() {
        List<Problem> copy = new ArrayList<>(list);
        copy.sort(Comparator.comparing(Problem::file).thenComparingInt(Problem::line).thenComparingInt(Problem::column));
        return List.copyOf(copy);
    }

    public List<Problem> errors() {
        return sorted().stream().filter(Problem::isError).toList();
    }
}
