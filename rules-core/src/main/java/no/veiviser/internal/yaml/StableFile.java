package no.veiviser.internal.yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;

/**
 * Reads a file once into memory and checks that it did not change under the read: size, modification time and
 * file identity before and after must agree, and the bytes read must be as many as the size says. A file being
 * rewritten in place therefore never yields half of itself; the read is retried a few times, then refused.
 *
 * <p>A file modified in the last {@value #RECENT_MILLIS} ms may be between two writes of its writer: it is
 * stamped again after {@value #SETTLE_MILLIS} ms and must be unchanged. A writer that pauses halfway for
 * longer still leaves a file that is stable and cut short: that is a valid smaller guide here, and the go-live gate
 * (its scenarios, and its check that the file did not change while it was checked) is what refuses it. Writers
 * should write a temporary file and move it into place.
 */
final class StableFile {
    static final int ATTEMPTS = 3;

    /** The bytes, or why not (a message for a located problem). */
    record Read(byte[] bytes, String problem, String hint) {
        boolean ok() {
            return bytes != null;
        }
    }

    private record Stamp(long size, FileTime modified, Object key, boolean regular) {
        static Stamp of(Path path) throws IOException {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            return new Stamp(a.size(), a.lastModifiedTime(), a.fileKey(), a.isRegularFile());
        }
    }

    /** A file modified this recently may be in the middle of being written: it is stamped again after a pause. */
    static final long RECENT_MILLIS = 2_000;
    /** The pause before that second read: longer than a writer's pause between two of its writes. */
    static final long SETTLE_MILLIS = 15;

    private StableFile() {}

    private static boolean recent(Stamp s) {
        return Math.abs(System.currentTimeMillis() - s.modified().toMillis()) < RECENT_MILLIS;
    }

    /** Looks again after a pause: a writer between two of its writes has changed size or time by then. */
    private static boolean settled(Path path, byte[] bytes, Stamp stamp) throws IOException {
        try {
            Thread.sleep(SETTLE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return stamp.equals(Stamp.of(path)) && bytes.length == stamp.size();
    }

    static Read read(Path path, long maxBytes) throws IOException {
        for (int attempt = 1; ; attempt++) {
            Stamp before = Stamp.of(path);
            if (!before.regular()) {
                return new Read(null, "not a regular file", "give the path of a file (not a folder, device or pipe)");
            }
            if (before.size() > maxBytes) {
                return new Read(null, "the file is " + NodeReader.humanSize(before.size()) + "; the limit is "
                        + NodeReader.humanSize(maxBytes), "split it, or check that it is the right file");
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(path)) {
                bytes = in.readNBytes((int) maxBytes + 1); // bounded even if the file grows meanwhile
            }
            Stamp after = Stamp.of(path);
            if (before.equals(after) && bytes.length == after.size() && Objects.equals(before.key(), after.key())
                    && (!recent(after) || settled(path, bytes, after))) {
                return new Read(bytes, null, null);
            }
            if (attempt == ATTEMPTS) {
                return new Read(null, "the file changed while it was read (" + ATTEMPTS + " attempts)",
                        "wait until it is written; programs that write guides should write a temporary file and move it into place");
            }
            try {
                Thread.sleep(10L * attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Read(null, "interrupted while reading the file", null);
            }
        }
    }
}
