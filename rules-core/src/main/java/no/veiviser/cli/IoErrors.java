package no.veiviser.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** An I/O error in words a user can act on: which file, and what went wrong (Java's messages are often just a path). */
final class IoErrors {
    private IoErrors() {}

    static String describe(IOException e) {
        if (e instanceof NoSuchFileException x) {
            return "no such file or folder: " + x.getFile();
        }
        if (e instanceof AccessDeniedException x) {
            return "permission denied: " + x.getFile();
        }
        if (e instanceof FileAlreadyExistsException x) {
            return x.getFile() + " already exists, and is not a folder";
        }
        if (e instanceof FileSystemException x) {
            return (x.getFile() == null ? "" : x.getFile() + ": ") + (x.getReason() == null ? "cannot be used" : x.getReason());
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
