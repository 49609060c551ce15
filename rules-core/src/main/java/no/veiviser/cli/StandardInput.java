package no.veiviser.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Standard input, or the knowledge that the process was started with it closed ({@code veiviser evaluate - <&-}).
 * A closed descriptor 0 does not stay closed: the JVM's first open file (its {@code lib/modules}, a jar, a CDS archive)
 * lands on it, and {@link System#in} would read that file as the case. So {@code -} must not be read then.
 */
final class StandardInput {
    /** Set to {@value #CLOSED} by the launchers when they find descriptor 0 closed (they then give java /dev/null). */
    static final String PROPERTY = "veiviser.stdin";
    static final String CLOSED = "closed";

    private StandardInput() {}

    /** {@link System#in}, or a stream that refuses to be read when standard input was closed at start. */
    static InputStream of(InputStream systemIn) {
        return closedAtStart(System.getProperty(PROPERTY), Path.of("/proc/self/fd"), System.getProperty("java.home"),
                System.getProperty("java.class.path")) ? new Closed() : systemIn;
    }

    /**
     * Whether descriptor 0 was closed when the process started: the launcher said so, or (where {@code /proc} tells)
     * descriptor 0 is missing or is one of the files the JVM opens for itself. Elsewhere we cannot tell, and read it.
     */
    static boolean closedAtStart(String property, Path procFds, String javaHome, String classPath) {
        if (CLOSED.equals(property)) {
            return true;
        }
        if (!Files.isDirectory(procFds)) {
            return false;
        }
        Path fd0 = procFds.resolve("0");
        if (!Files.exists(fd0, LinkOption.NOFOLLOW_LINKS)) {
            return true;
        }
        try {
            Path target = fd0.toRealPath();
            if (!Files.isRegularFile(target)) {
                return false; // a terminal, a pipe, a socket: something the caller gave us
            }
            if (target.getFileName() != null && target.getFileName().toString().endsWith(".jsa")) {
                return true; // a class-data-sharing archive
            }
            if (javaHome != null && target.startsWith(real(Path.of(javaHome)))) {
                return true;
            }
            if (classPath != null) {
                for (String entry : classPath.split(File.pathSeparator)) {
                    if (!entry.isEmpty() && target.equals(real(Path.of(entry)))) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false; // cannot tell: read it, as before
        }
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    /** Standard input that was closed: the commands check for it; reading it anyway fails rather than read nothing. */
    static final class Closed extends InputStream {
        @Override
        public int read() throws IOException {
            throw new IOException("standard input is closed");
        }
    }
}
