package no.veiviser.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * Writes files so that they cannot lie: the text goes to a temporary file beside the target, is forced to disk, and
 * is then moved into place in one step. A full disk or any other failure leaves the previous file (or none), never
 * a truncated one, and no temporary file behind.
 *
 * <p>Only a regular file is ever replaced: a target that is a symbolic link (to anything), a folder, a device
 * ({@code /dev/null}, {@code /dev/full}), a FIFO or a socket is refused with {@link NotARegularFile} before anything
 * is written, so that a report "written atomically" never replaces a system device, a pipe another program reads,
 * or a link with a regular file. The target is checked again just before the move; a special file put there in the
 * microseconds between that check and the move is the one case not caught (Java has no rename that refuses to
 * replace a given kind of file).
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /** The target exists and is not a regular file: nothing was written. */
    public static final class NotARegularFile extends FileSystemException {
        private static final long serialVersionUID = 1L;
        private final String kind;

        NotARegularFile(Path target, String kind) {
            super(target.toString(), null, "is " + kind + ", not a regular file; veiviser writes regular files only, "
                    + "and never replaces a link, a device, a pipe or a folder");
            this.kind = kind;
        }

        /** @return what the target is, in words: "a symbolic link", "a FIFO (named pipe)", "a character device" … */
        public String kind() {
            return kind;
        }
    }

    /**
     * Writes {@code text} as UTF-8 to {@code target}, replacing it only once the whole text is written.
     *
     * @param target the file to write
     * @param text its new content
     * @throws NotARegularFile when the target exists and is not a regular file (a link, a device, a pipe …)
     * @throws IOException when it cannot be written; the target is then as it was
     */
    public static void writeString(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes {@code bytes} to {@code target}, replacing it only once they are all written.
     *
     * @param target the file to write
     * @param bytes its new content
     * @throws NotARegularFile when the target exists and is not a regular file (a link, a device, a pipe …)
     * @throws IOException when it cannot be written; the target is then as it was
     */
    public static void write(Path target, byte[] bytes) throws IOException {
        refuseUnlessRegularOrAbsent(target);
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            Files.write(tmp, bytes);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--")); // as a plain write would
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: its defaults apply
            }
            refuseUnlessRegularOrAbsent(target); // again: the write took time
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * What {@code target} is when it exists and is not a regular file, in words; empty when it is a regular file or
     * does not exist. Links are not followed: a link to a regular file is a link.
     *
     * @param target the path to look at
     * @return "a symbolic link", "a folder", "a FIFO (named pipe)", "a character device", "a block device",
     *         "a socket" or "a special file"; or empty
     * @throws IOException when the path cannot be looked at
     */
    public static Optional<String> specialKind(Path target) throws IOException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (a.isRegularFile()) {
            return Optional.empty();
        }
        if (a.isSymbolicLink()) {
            return Optional.of("a symbolic link");
        }
        if (a.isDirectory()) {
            return Optional.of("a folder");
        }
        try {
            int type = ((Integer) Files.getAttribute(target, "unix:mode", LinkOption.NOFOLLOW_LINKS)) & 0170000;
            switch (type) {
                case 0010000: return Optional.of("a FIFO (named pipe)");
                case 0020000: return Optional.of("a character device");
                case 0060000: return Optional.of("a block device");
                case 0140000: return Optional.of("a socket");
                default: break;
            }
        } catch (UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            // not a Unix file system: the general word below
        }
        return Optional.of("a special file");
    }

    private static void refuseUnlessRegularOrAbsent(Path target) throws IOException {
        Optional<String> kind = specialKind(target);
        if (kind.isPresent()) {
            throw new NotARegularFile(target, kind.get());
        }
    }
}
