package no.veiviser.internal.yaml;

/** Where a node starts in its source file; line and column are 1-based (0 when unknown). */
public record Location(String file, int line, int column) {
    public static Location unknown(String file) {
        return new Location(file, 0, 0);
    }

    @Override
    public String toString() {
        return line <= 0 ? file : file + ":" + line + ":" + column;
    }
}
