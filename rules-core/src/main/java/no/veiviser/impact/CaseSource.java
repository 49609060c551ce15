package no.veiviser.impact;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import no.veiviser.Case;
import no.veiviser.CaseException;
import no.veiviser.Cases;
import no.veiviser.Guide;
import no.veiviser.Problem;
import no.veiviser.scenario.Scenarios;

/**
 * Where the cases of an {@link ImpactDiff} come from: a guide's scenarios, a folder of case files, a JSON
 * Lines file (one case per line), a list of cases, or a generated {@link Population}. Cases are numbered
 * from 0 in the source's order and streamed in chunks, so no source is held in memory whole (except
 * scenarios and lists, which are small).
 */
public abstract class CaseSource {
    CaseSource() {}

    /** @return for the report: what the cases are, e.g. {@code 1000000 generated cases (seed 1)} */
    public abstract String description();

    /** @return the number of cases, or -1 when it is only known after reading them all */
    public abstract long size();

    /** Opens the source; cases are read with {@code guide}'s catalogues. Called once per diff. */
    abstract Cursor open(Guide guide);

    /** Opens the source for a diff of two guides; files are read with the base guide's catalogues. */
    Cursor open(Guide base, Guide changed) {
        return open(base);
    }

    /**
     * What, beside a case's number, decides the case a diff of {@code base} and {@code changed} reads from this source:
     * equal keys give the same case for each number. Files and lists give the same cases to any guides.
     */
    Object casesKey(Guide base, Guide changed) {
        return description();
    }

    /** Whether each of this source's cases is {@code whole}'s case of the same number: the same cases, or their first ones. */
    boolean within(CaseSource whole) {
        return description().equals(whole.description()) && size() == whole.size();
    }

    /** Hands out consecutive chunks; callers serialise calls to {@link #next()}. */
    interface Cursor extends AutoCloseable {
        /** The next chunk, or null at the end. */
        Chunk next();

        @Override
        default void close() {}
    }

    /** Cases {@code first .. first+size()-1}; {@link #get} may parse or generate, on the worker's thread. */
    interface Chunk {
        long first();

        int size();

        Case get(int k);

        String label(int k);
    }

    /**
     * @param cases the cases, labelled {@code case #i}
     * @return a source of these cases
     */
    public static CaseSource of(List<Case> cases) {
        List<Case> copy = List.copyOf(cases);
        return new Listed("" + copy.size() + " given cases", copy.stream().map(c -> new Item(null, c)).toList());
    }

    /**
     * The scenarios in {@code paths} (files, or folders of {@code *.yaml}): only their cases are used. They are read
     * with the changed guide (so they may name its new rules and codes), or, when that fails, with the base guide.
     *
     * @param paths scenario files or folders
     * @return a source of the scenarios' cases
     */
    public static CaseSource scenarios(List<Path> paths) {
        List<Path> copy = List.copyOf(paths);
        return new CaseSource() {
            public String description() {
                return "scenarios in " + copy.stream().map(Path::toString).reduce((a, b) -> a + ", " + b).orElse("(none)");
            }

            public long size() {
                return -1;
            }

            Cursor open(Guide guide) {
                List<Item> items = Scenarios.read(guide, copy).stream()
                        .map(s -> new Item(s.where() + " " + s.name(), s.aCase())).toList();
                return new Listed("", items).open(guide);
            }

            /** Scenarios usually live beside the changed guide and may name its new rules: read them with it, else with the base. */
            @Override
            Cursor open(Guide base, Guide changed) {
                try {
                    return open(changed);
                } catch (CaseException e) {
                    try {
                        return open(base);
                    } catch (CaseException ignored) {
                        throw e;
                    }
                }
            }
        };
    }

    /**
     * The case files ({@code *.yaml}, {@code *.yml}, {@code *.json}) in a folder, in name order.
     *
     * @param folder the folder
     * @param defaultAsOf the date for a case without {@code asOf}
     * @return a source of the folder's cases
     */
    public static CaseSource directory(Path folder, LocalDate defaultAsOf) {
        return new CaseSource() {
            public String description() {
                return "case files in " + folder;
            }

            public long size() {
                return -1;
            }

            Cursor open(Guide guide) {
                List<Path> files;
                try (Stream<Path> s = Files.list(folder)) {
                    files = s.filter(f -> {
                        String n = f.getFileName().toString();
                        return Files.isRegularFile(f) && (n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json"));
                    }).sorted().toList();
                } catch (IOException e) {
                    throw new CaseException(List.of(Problem.error(folder.toString(), 0, 0,
                            "cannot list the folder: " + e.getMessage(), "give a folder of case files")));
                }
                int[] next = {0};
                return () -> {
                    if (next[0] >= files.size()) {
                        return null;
                    }
                    int from = next[0];
                    int to = Math.min(files.size(), from + 64);
                    next[0] = to;
                    List<Path> part = files.subList(from, to);
                    return new Chunk() {
                        public long first() { return from; }
                        public int size() { return part.size(); }
                        public Case get(int k) { return Cases.read(part.get(k), guide, defaultAsOf); }
                        public String label(int k) { return part.get(k).toString(); }
                    };
                };
            }
        };
    }

    /**
     * A JSON Lines file: one case (a JSON object) per line; blank lines and lines starting with {@code #}
     * are skipped. Problems are reported at the file's line. Read as a stream.
     *
     * @param file the file
     * @param defaultAsOf the date for a case without {@code asOf}
     * @return a source of the file's cases
     */
    public static CaseSource jsonLines(Path file, LocalDate defaultAsOf) {
        return new CaseSource() {
            public String description() {
                return "cases in " + file;
            }

            public long size() {
                return -1;
            }

            Cursor open(Guide guide) {
                BufferedReader in;
                try {
                    in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new CaseException(List.of(Problem.error(file.toString(), 0, 0,
                            "cannot read the file: " + e.getMessage(), "check the path")));
                }
                long[] state = {0, 0}; // next case index, lines read
                return new Cursor() {
                    public Chunk next() {
                        List<String> lines = new ArrayList<>();
                        List<Long> lineNumbers = new ArrayList<>();
                        try {
                            String line;
                            while (lines.size() < 512 && (line = in.readLine()) != null) {
                                state[1]++;
                                String t = line.strip();
                                if (!t.isEmpty() && !t.startsWith("#")) {
                                    lines.add(line);
                                    lineNumbers.add(state[1]);
                                }
                            }
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        if (lines.isEmpty()) {
                            return null;
                        }
                        long first = state[0];
                        state[0] += lines.size();
                        return new Chunk() {
                            public long first() { return first; }
                            public int size() { return lines.size(); }
                            public String label(int k) { return file + ":" + lineNumbers.get(k); }
                            public Case get(int k) {
                                try {
                                    return Cases.parse(lines.get(k), "line.json", guide, defaultAsOf);
                                } catch (CaseException e) {
                                    long n = lineNumbers.get(k);
                                    throw new CaseException(e.problems().stream().map(p -> new Problem(p.severity(), file.toString(),
                                            (int) n, p.column(), p.message(), p.hint())).toList());
                                }
                            }
                        };
                    }

                    public void close() {
                        try {
                            in.close();
                        } catch (IOException e) {
                            // nothing to do
                        }
                    }
                };
            }
        };
    }

    record Item(String label, Case aCase) {}

    /** A source held in memory. */
    static final class Listed extends CaseSource {
        private final String description;
        private final List<Item> items;

        Listed(String description, List<Item> items) {
            this.description = description;
            this.items = items;
        }

        public String description() {
            return description;
        }

        public long size() {
            return items.size();
        }

        Cursor open(Guide guide) {
            int[] next = {0};
            return () -> {
                if (next[0] >= items.size()) {
                    return null;
                }
                int from = next[0];
                int to = Math.min(items.size(), from + 256);
                next[0] = to;
                return new Chunk() {
                    public long first() { return from; }
                    public int size() { return to - from; }
                    public Case get(int k) { return items.get(from + k).aCase(); }
                    public String label(int k) {
                        String l = items.get(from + k).label();
                        return l == null ? "case #" + (from + k) : l;
                    }
                };
            };
        }
    }
}
