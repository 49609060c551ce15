package no.veiviser.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import no.veiviser.CompiledGuide;
import no.veiviser.Guide;
import no.veiviser.Guides;
import no.veiviser.impact.CaseSource;
import no.veiviser.impact.GuideDiff;
import no.veiviser.impact.ImpactDiff;
import no.veiviser.impact.ImpactReport;
import no.veiviser.impact.Population;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code veiviser diff --base <guide> --changed <guide> [cases]}: what a change to a guide does to decisions. */
@Command(name = "diff", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        description = {"Shows what changed between two versions of a guide, and which cases get another decision.",
            "%nThe guide diff lists rules added, removed (or disabled) and changed (condition, findings, texts, dates), "
                + "and parameters with other values or dates. With cases, both guides evaluate every case and the "
                + "differences are grouped by kind: level changed (from -> to), code added, code removed, due date "
                + "moved, who changed (e.g. who must consent), and cases only one version accepts (rejected), with "
                + "counts, shares and example cases.",
            "%nCases come from the guide's scenarios (--scenarios), a folder of case files (--cases), a JSON Lines "
                + "file (--jsonl) or a generated population (--generate N --seed S; the same N and S give the same "
                + "cases and the same report on any number of threads). Without any, the scenarios/ folder next to "
                + "the changed guide is used if there is one; otherwise only the guide diff is shown.",
            "%nExit 0 no decision changed (no guide change, without cases), 1 decisions changed, 2 bad input."},
        footerHeading = "%nExamples:%n",
        footer = {"  veiviser diff --base nittedal --changed my/nittedal/guide.yaml --generate 100000 --seed 1",
            "  veiviser diff --base HEAD~1 --changed guides/nittedal/guide.yaml --scenarios guides/nittedal/scenarios",
            "  veiviser diff --base old/guide.yaml --changed new/guide.yaml --cases cases/ --format md",
            "  veiviser diff --base old/guide.yaml --changed new/guide.yaml --jsonl cases.jsonl --format json"})
final class DiffCommand implements Callable<Integer> {
    enum Format { text, json, md }

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Option(names = "--base", required = true, paramLabel = "<guide|rev>",
            description = "The guide before the change: a guide file or folder, a bundled guide id (bundled:<id> when a "
                    + "folder here has the same name), or a git revision (e.g. HEAD~1), which means the --changed file as it "
                    + "was at that revision.")
    String base;

    @Option(names = "--changed", required = true, paramLabel = "<guide>", description = "The changed guide file (or folder with a guide.yaml).")
    String changed;

    @Option(names = "--scenarios", paramLabel = "<path>", description = "Scenario files or folders (repeatable).")
    List<Path> scenarios = new ArrayList<>();

    @Option(names = "--cases", paramLabel = "<folder>", description = "A folder of case files (*.yaml, *.yml, *.json).")
    Path cases;

    @Option(names = "--jsonl", paramLabel = "<file>", description = "A JSON Lines file: one case per line.")
    Path jsonl;

    @Option(names = "--generate", paramLabel = "<N>", description = "Generate N realistic cases (see examples/diff/README.md).")
    Long generate;

    @Option(names = "--seed", paramLabel = "<S>", description = "Seed of the generated cases. Default: 1.")
    Long seed;

    @Option(names = "--threads", paramLabel = "<n>", description = "Worker threads. Default: the number of processors.")
    Integer threads;

    @Option(names = {"-f", "--format"}, paramLabel = "<format>", defaultValue = "text",
            description = "text, json or md (Markdown). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--examples", paramLabel = "<k>", defaultValue = "3", description = "Example cases per group. Default: ${DEFAULT-VALUE}.")
    int examples;

    @Option(names = "--exact", description = "Every class of cases whose decision differs, proved over every possible case "
            + "(not a sample), each described by its facts with the case of it with the fewest facts; with --generate, "
            + "--jsonl, --cases or --scenarios also each class's share of those cases. Refuses guides it cannot encode exactly.")
    boolean exact;

    @Option(names = "--evaluate-all", description = "Evaluate every case with both guides. By default, from "
            + PROVE_FROM_TEXT + " cases on, the classes of --exact spare the cases they prove unchanged, or changed only in "
            + "level or codes, from evaluation (the same report, faster).")
    boolean evaluateAll;

    /** {@link ImpactDiff#PROVE_FROM} as the help writes it (a constant: annotations need one). */
    static final String PROVE_FROM_TEXT = "100,000";

    @Option(names = "--as-of", paramLabel = "<date>", description = "Assessment date of case files without asOf. Default: today.")
    LocalDate asOf;

    @Mixin
    LanguageOption language;

    @Override
    public Integer call() {
        CaseSource source = source();
        if (threads != null && threads < 1) {
            throw new CliException("--threads must be 1 or more, not " + threads, null);
        }
        if (examples < 0) {
            throw new CliException("--examples must be 0 or more, not " + examples, null);
        }
        Path changedFile = Inputs.guideFile(Inputs.existingPath(Path.of(changed), "changed guide"));
        Base resolved = baseGuide(changedFile);
        Guide after = Guides.load(changedFile);
        Guide before = resolved.guide();
        // Name what was compared: "nittedal" may be a folder here as well as a bundled guide.
        PrintWriter err = spec.commandLine().getErr();
        err.println(language.pick("før:   ", "base:    ") + resolved.shown() + " (" + before.id() + " " + before.version() + ")");
        err.println(language.pick("etter: ", "changed: ") + changedFile + " (" + after.id() + " " + after.version() + ")");
        err.flush();
        if (exact) {
            return exact(before, after, source);
        }
        if (source == null) {
            Path next = changedFile.getParent() == null ? Path.of("scenarios") : changedFile.getParent().resolve("scenarios");
            if (Files.isDirectory(next)) {
                source = CaseSource.scenarios(List.of(next));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (source == null) {
            GuideDiff d = GuideDiff.between(before, after);
            out.print(switch (format) {
                case json -> d.toJson();
                case md -> "```\n" + d.toText(language.locale()) + "```\n";
                case text -> d.toText(language.locale());
            });
            out.flush();
            return d.isEmpty() ? Main.EXIT_OK : Main.EXIT_FINDINGS;
        }
        CompiledGuide[] compiled = compileBoth(before, after);
        CompiledGuide a = compiled[0];
        CompiledGuide b = compiled[1];
        Progress progress = new Progress(spec.commandLine().getErr(), source.size());
        ImpactDiff diff = ImpactDiff.between(a, b).threads(threads == null ? Runtime.getRuntime().availableProcessors() : threads)
                .examples(examples).onProgress(progress::update);
        boolean proving = !evaluateAll && source.size() >= ImpactDiff.PROVE_FROM && prove(diff, err);
        ImpactReport report = diff.run(source);
        progress.done(report);
        if (proving) {
            err.printf(Locale.ROOT, language.pick("diff: %,d av %,d saker avgjort av beviset (diff --exact) uten å evalueres%n",
                    "diff: %,d of %,d cases settled by the proof (diff --exact) without evaluating them%n"), diff.proved(), report.cases());
            err.flush();
        }
        out.print(switch (format) {
            case json -> report.toJson();
            case md -> report.toMarkdown(language.locale());
            case text -> report.toText(language.locale());
        });
        out.flush();
        return report.hasChanges() ? Main.EXIT_FINDINGS : Main.EXIT_OK;
    }

    /**
     * Both guides compiled, the changed one on a second thread: compiling a guide's rules is most of a diff's start,
     * and the two do not depend on each other.
     */
    private static CompiledGuide[] compileBoth(Guide before, Guide after) {
        java.util.concurrent.CompletableFuture<CompiledGuide> b = java.util.concurrent.CompletableFuture.supplyAsync(after::compile);
        CompiledGuide a = before.compile();
        try {
            return new CompiledGuide[] {a, b.join()};
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /**
     * Lets the exact diff spare the cases it settles from evaluation; false (every case evaluated, and standard error
     * says why) when the guides use a construct it cannot encode or a difference has too many classes to list.
     */
    private boolean prove(ImpactDiff diff, PrintWriter err) {
        ImpactDiff.Proof proof = diff.proveFirst();
        if (proof != ImpactDiff.Proof.USED) {
            err.println(proof == ImpactDiff.Proof.CANNOT_ENCODE
                    ? language.pick("diff: beviset kan ikke sammenligne disse veilederne nøyaktig; hver sak evalueres",
                            "diff: the proof cannot compare these guides exactly; every case is evaluated")
                    : language.pick("diff: en forskjell har for mange klasser for beviset; hver sak evalueres",
                            "diff: a difference has too many classes for the proof; every case is evaluated"));
            err.flush();
        }
        return proof == ImpactDiff.Proof.USED;
    }

    /** {@code --exact}: the proof, and with a source of cases each class's share of them. */
    private int exact(Guide before, Guide after, CaseSource source) {
        CompiledGuide[] compiled = compileBoth(before, after);
        CompiledGuide a = compiled[0];
        CompiledGuide b = compiled[1];
        no.veiviser.verify.ExactDiffReport report = no.veiviser.verify.ExactDiff.between(a, b);
        if (source != null && report.hasChanges()) {
            Progress progress = new Progress(spec.commandLine().getErr(), source.size());
            ImpactDiff counting = ImpactDiff.between(a, b).threads(threads == null ? Runtime.getRuntime().availableProcessors() : threads)
                    .examples(0).counting(report.tests()).onProgress(progress::update);
            if (report.complete()) {
                counting.provedBy(report); // the counts are what it needs, not the decisions
            }
            ImpactReport sampled = counting.run(source);
            progress.done(sampled);
            report = report.withCounts(sampled.cases(), counting.counts());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(switch (format) {
            case json -> report.toJson();
            case md -> "```\n" + report.toText(language.locale()) + "```\n";
            case text -> report.toText(language.locale());
        });
        out.flush();
        return report.hasChanges() ? Main.EXIT_FINDINGS : Main.EXIT_OK;
    }

    private CaseSource source() {
        int given = (scenarios.isEmpty() ? 0 : 1) + (cases == null ? 0 : 1) + (jsonl == null ? 0 : 1) + (generate == null ? 0 : 1);
        if (given > 1) {
            throw new CliException("give one source of cases: --scenarios, --cases, --jsonl or --generate", null);
        }
        if (seed != null && generate == null) {
            throw new CliException("--seed needs --generate N", "for example --generate 100000 --seed " + seed);
        }
        LocalDate defaultAsOf = asOf != null ? asOf : main.today();
        if (generate != null) {
            if (generate < 0) {
                throw new CliException("--generate needs a count of 0 or more, not " + generate, null);
            }
            return Population.generate(generate, seed == null ? 1 : seed);
        }
        if (cases != null) {
            if (!Files.isDirectory(cases)) {
                throw new CliException("--cases needs a folder of case files; '" + cases + "' is not a folder",
                        Files.isRegularFile(cases) ? "for one file of many cases use --jsonl" : "check the path");
            }
            return CaseSource.directory(cases, defaultAsOf);
        }
        if (jsonl != null) {
            return CaseSource.jsonLines(Inputs.existingFile(jsonl, "JSON Lines file"), defaultAsOf);
        }
        if (!scenarios.isEmpty()) {
            scenarios.forEach(p -> Inputs.existingPath(p, "scenario file or folder"));
            return CaseSource.scenarios(scenarios);
        }
        return null;
    }

    /** The base guide and how to name it to the user. */
    private record Base(Guide guide, String shown) {}

    private static final String BUNDLED = "bundled:";

    /**
     * {@code --base}: a file or folder, a bundled id ({@code bundled:<id>} forces it), or a git revision of the
     * changed file. The same file as {@code --changed} is refused: comparing a guide with itself always says
     * "no changes", which would hide the mistake.
     */
    private Base baseGuide(Path changedFile) {
        if (base.startsWith(BUNDLED)) {
            String id = base.substring(BUNDLED.length());
            return new Base(Guides.bundled(id), "bundled guide " + id);
        }
        Path path = Path.of(base);
        if (Files.exists(path)) {
            Path file = Inputs.guideFile(path);
            if (sameFile(file, changedFile)) {
                throw new CliException("--base and --changed are the same file (" + file + ")",
                        Guides.bundledIds().contains(base)
                                ? "'" + base + "' is a folder here, so it was read instead of the bundled guide; "
                                        + "for the bundled guide give --base " + BUNDLED + base
                                : "give the guide as it was before the change: another file, a bundled guide id, "
                                        + "or a git revision such as HEAD~1");
            }
            return new Base(Guides.load(file), file.toString());
        }
        if (Guides.bundledIds().contains(base)) {
            return new Base(Guides.bundled(base), "bundled guide " + base);
        }
        return new Base(GitRevision.load(base, changedFile), changedFile + " at " + base);
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    /** Progress on standard error for runs over a few seconds: at most one line every two seconds. */
    static final class Progress {
        private static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(3);
        private static final long EVERY_NANOS = TimeUnit.SECONDS.toNanos(2);
        private final PrintWriter err;
        private final long total;
        private final long start = System.nanoTime();
        private long last;
        private boolean shown;

        Progress(PrintWriter err, long total) {
            this.err = err;
            this.total = total;
            this.last = start;
        }

        synchronized void update(long done) {
            long now = System.nanoTime();
            if (now - start < QUIET_NANOS || now - last < EVERY_NANOS) {
                return;
            }
            last = now;
            shown = true;
            double seconds = (now - start) / 1e9;
            err.printf(Locale.ROOT, "diff: %,d%s cases, %.1f s, %,.0f cases/s%n", done,
                    total >= 0 ? String.format(Locale.ROOT, " of %,d (%.0f%%)", total, done * 100.0 / Math.max(1, total)) : "",
                    seconds, done / seconds);
            err.flush();
        }

        synchronized void done(ImpactReport report) {
            if (shown) {
                double seconds = (System.nanoTime() - start) / 1e9;
                err.printf(Locale.ROOT, "diff: %,d cases in %.1f s, %,.0f cases/s%n", report.cases(), seconds, report.cases() / seconds);
                err.flush();
            }
        }
    }

    /** The changed guide file as it was at a git revision, with the guides next to it (so {@code extends} resolves). */
    static final class GitRevision {
        private GitRevision() {}

        static Guide load(String rev, Path changedFile) {
            Path file = changedFile.toAbsolutePath().normalize();
            Path dir = file.getParent();
            String top = git(dir, "rev-parse", "--show-toplevel");
            if (top == null) {
                throw new CliException("'" + rev + "' is not a guide file or a bundled guide, and " + dir + " is not in a git work tree",
                        "give a guide file, a bundled guide id (" + String.join(", ", Guides.bundledIds()) + "), or run inside a git work tree");
            }
            if (rev.startsWith("-") || git(dir, "rev-parse", "--verify", "--quiet", rev + "^{commit}") == null) {
                throw new CliException("'" + rev + "' is not a guide file, a bundled guide or a git revision",
                        "give a guide file, a bundled guide id (" + String.join(", ", Guides.bundledIds()) + "), or a revision such as HEAD~1");
            }
            Path root;
            try {
                root = Path.of(top).toRealPath();
                file = file.toRealPath();
            } catch (IOException e) {
                throw new CliException("cannot read " + file + ": " + e.getMessage(), null);
            }
            Path rel = root.relativize(file);
            Path folder = rel.getParent() == null ? rel : rel.getParent().getParent() == null ? rel.getParent() : rel.getParent().getParent();
            Path tmp = null;
            // SIGTERM or Ctrl-C meanwhile: no folder left behind. Registered before the folder exists, so no gap.
            AtomicReference<Path> created = new AtomicReference<>();
            Thread cleanup = new Thread(() -> delete(created.get()));
            Runtime.getRuntime().addShutdownHook(cleanup);
            try {
                tmp = Files.createTempDirectory("veiviser-base");
                created.set(tmp);
                Path tar = tmp.resolve("base.tar");
                if (git(root, "archive", "--format=tar", "-o", tar.toString(), rev, "--", unix(folder)) == null) {
                    throw new CliException(unix(rel) + " did not exist at revision " + rev, "check the revision with: git log -- " + unix(rel));
                }
                if (run(tmp, List.of("tar", "-xf", tar.toString())) == null) {
                    throw new CliException("cannot unpack the guides of revision " + rev + " (is tar installed?)", null);
                }
                Path old = tmp.resolve(rel.toString());
                if (!Files.isRegularFile(old)) {
                    throw new CliException(unix(rel) + " did not exist at revision " + rev, "check the revision with: git log -- " + unix(rel));
                }
                return Guides.load(old); // reads every file it needs now
            } catch (IOException e) {
                throw new CliException("cannot read revision " + rev + ": " + e.getMessage(), null);
            } finally {
                delete(tmp);
                try {
                    Runtime.getRuntime().removeShutdownHook(cleanup);
                } catch (IllegalStateException e) {
                    // the JVM is shutting down: the hook runs, and finds nothing to delete
                }
            }
        }

        private static String unix(Path p) {
            return p.toString().replace('\\', '/');
        }

        private static String git(Path dir, String... args) {
            List<String> command = new ArrayList<>();
            command.add("git");
            command.addAll(List.of(args));
            return run(dir, command);
        }

        /** Standard output of a command, or null when it fails or cannot be started. */
        private static String run(Path dir, List<String> command) {
            try {
                Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
                String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                return p.waitFor() == 0 ? output : null;
            } catch (IOException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }

        private static void delete(Path dir) {
            if (dir == null) {
                return;
            }
            // The hook and the finally block may both be deleting: a file gone under the walk is not a failure.
            for (int attempt = 0; attempt < 3 && Files.exists(dir, LinkOption.NOFOLLOW_LINKS); attempt++) {
                try (Stream<Path> s = Files.walk(dir)) {
                    s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException | UncheckedIOException e) {
                    // try again; a temporary folder left behind is not worth failing for
                }
            }
        }
    }
}
