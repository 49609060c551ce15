package no.veiviser.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Optional;

/** Size, modification time and identity of a file: equal stamps taken around some work mean the file did not change. */
record FileStamp(long size, FileTime modified, Object key) {
    static Optional<FileStamp> of(Path path) {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            return Optional.of(new FileStamp(a.size(), a.lastModifiedTime(), a.fileKey()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
