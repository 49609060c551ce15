package no.veiviser.cli;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import no.veiviser.Case;
import no.veiviser.Cases;
import no.veiviser.Guide;
import no.veiviser.Guides;
import no.veiviser.internal.yaml.Hints;

/** Finding and reading the guide and case files the commands are given, with clear messages when they are not there. */
final class Inputs {
    /** The case file name that means standard input. */
    static final String STDIN = "-";
    static final String STDIN_NAME = "<stdin>";

    private Inputs() {}

    /**
     * {@code --guide}: an existing file (or a folder with a guide.yaml) is loaded from disk; anything else
     * must be the id of a bundled guide.
     */
    static Guide guide(String value) {
        Optional<Path> path = path(value);
        if (path.isPresent() && Files.exists(path.get())) {
            return Guides.load(guideFile(path.get()));
        }
        List<String> bundled = Guides.bundledIds();
        if (bundled.contains(value)) {
            return Guides.bundled(value);
        }
        String available = bundled.isEmpty() ? "there are no bundled guides in this build; give a guide file"
                : "bundled guides: " + String.join(", ", bundled);
        if (looksLikePath(value)) {
            throw new CliException("cannot find the guide file '" + value + "'", "check the path, or give a bundled guide id ("
                    + available + ")");
        }
        String close = Hints.closest(value, bundled);
        throw new CliException("no bundled guide '" + value + "' and no guide file of that name",
                close != null ? "did you mean '" + close + "'?" : available);
    }

    /** A guide file to load: the file itself, or {@code guide.yaml} in a folder. */
    static Path guideFile(Path path) {
        if (Files.isDirectory(path)) {
            Path inside = path.resolve("guide.yaml");
            if (Files.isRegularFile(inside)) {
                return inside;
            }
            throw new CliException("'" + path + "' is a folder without a guide.yaml", "give the guide file itself");
        }
        return existingFile(path, "guide file");
    }

    /** The case: from a file, or from standard input for {@code -}; {@code asOf} (if given) replaces the case's date. */
    static Case readCase(String file, Guide guide, InputStream stdin, LocalDate today, LocalDate asOf) {
        LocalDate defaultAsOf = asOf != null ? asOf : today;
        Case c;
        if (file.equals(STDIN)) {
            if (stdin instanceof StandardInput.Closed) {
                throw new CliException("standard input is closed, so there is no case to read for '-'",
                        "give the case file instead of '-', or send the case to standard input (... - < case.yaml)");
            }
            c = Cases.read(stdin, STDIN_NAME, guide, defaultAsOf);
        } else {
            Path path = path(file).orElseThrow(() -> new CliException("'" + file + "' is not a valid path", null));
            c = Cases.read(existingFile(path, "case file"), guide, defaultAsOf);
        }
        if (asOf == null || asOf.equals(c.asOf())) {
            return c;
        }
        // The case's own dates were checked against its own asOf; they must not be after the new one either.
        after(c.concern().since(), "concern.since", asOf);
        after(c.child().birthDate(), "child.birthDate", asOf);
        after(c.adult().refugeeSettledOn(), "adult.refugeeSettledOn", asOf);
        after(c.childWelfare().informedOn(), "childWelfare.informedOn", asOf);
        return c.withAsOf(asOf);
    }

    private static void after(Optional<LocalDate> date, String field, LocalDate asOf) {
        if (date.isPresent() && date.get().isAfter(asOf)) {
            throw new CliException("--as-of " + asOf + " is before the case's " + field + " " + date.get(),
                    "assess the case on " + date.get() + " or later");
        }
    }

    /** A file or folder that must exist. */
    static Path existingPath(Path path, String what) {
        if (Files.exists(path)) {
            return path;
        }
        throw new CliException("cannot find the " + what + " '" + path + "'", "check the path and the current directory ("
                + Path.of("").toAbsolutePath() + ")");
    }

    static Path existingFile(Path path, String what) {
        if (Files.isRegularFile(path)) {
            return path;
        }
        if (Files.isDirectory(path)) {
            throw new CliException("'" + path + "' is a folder, not a " + what, null);
        }
        if (Files.exists(path)) { // a device (/dev/zero), a FIFO, a socket: read whole, it could be endless
            throw new CliException("'" + path + "' is not a regular file, so it cannot be the " + what,
                    "give a file; to read from a pipe, give '-' and send it to standard input");
        }
        throw new CliException("cannot find the " + what + " '" + path + "'", "check the path and the current directory ("
                + Path.of("").toAbsolutePath() + ")");
    }

    private static Optional<Path> path(String value) {
        try {
            return Optional.of(Path.of(value));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static boolean looksLikePath(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        return value.contains("/") || value.contains("\\") || lower.endsWith(".yaml") || lower.endsWith(".yml")
                || lower.endsWith(".json");
    }
}
