package no.veiviser.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import no.veiviser.internal.InitPlaceholders;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code veiviser init --extends norge <id>}: a new guide folder to start from. */
@Command(name = "init", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        description = {"Starts a new guide: <dir>/<id>/guide.yaml (commented, extends the national base), "
                + "<dir>/<id>/scenarios/<id>.yaml and <dir>/<id>/README.md.",
            "%n'veiviser validate' and 'veiviser test' pass on the new folder as it is; edit from there.",
            "%nExit 0 written, 2 bad input (an invalid id, or the folder exists) or a failed write (nothing is left behind)."},
        footerHeading = "%nExamples:%n",
        footer = {"  veiviser init --extends norge lillevik", "  veiviser init --extends norge --dir guides lillevik"})
final class InitCommand implements Callable<Integer> {
    private static final Pattern ID = Pattern.compile("[a-z0-9æøå][a-z0-9æøå-]{0,39}");

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<id>", description = "The new guide's id: lowercase letters (æ, ø, å too), digits and '-', for example the municipality's name.")
    String id;

    @Option(names = "--extends", paramLabel = "<guide id>", defaultValue = "norge", description = "The guide to extend (default: ${DEFAULT-VALUE}, the national base).")
    String base;

    @Option(names = "--dir", paramLabel = "<dir>", defaultValue = ".", description = "Where to create the <id> folder (default: the current folder).")
    Path dir;

    @Override
    public Integer call() throws IOException {
        if (!ID.matcher(id).matches()) {
            throw new CliException("'" + id + "' is not a valid guide id", "use lowercase letters (æ, ø and å too), digits and '-', for example 'lillevik' or 'bø'");
        }
        if (!ID.matcher(base).matches()) {
            throw new CliException("'" + base + "' is not a valid guide id", "give the id of the guide to extend, for example 'norge'");
        }
        Path folder = dir.resolve(id);
        if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            throw new CliException("'" + folder + "' already exists", "choose another id or --dir; init never overwrites");
        }
        // All or nothing: the files are made in a hidden temporary folder beside the new one, which is renamed into
        // place only when every file is written. A full disk leaves nothing behind, so a second init works.
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new CliException("cannot create the folder " + dir + ": " + IoErrors.describe(e), HINT);
        }
        Path tmp;
        try {
            tmp = Files.createTempDirectory(dir, "." + id + ".init-");
        } catch (IOException e) {
            throw new CliException("cannot create " + folder + ": " + IoErrors.describe(e), HINT);
        }
        try {
            Files.createDirectory(tmp.resolve("scenarios"));
            write(tmp, folder, "guide.yaml", guide());
            write(tmp, folder, "scenarios/" + id + ".yaml", scenarios());
            write(tmp, folder, "README.md", readme(folder));
            for (Path d : List.of(tmp.resolve("scenarios"), tmp)) {
                try {
                    Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x")); // as mkdir would
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: its defaults apply
                }
            }
            files.moveFolder(tmp, folder); // refuses when the folder appeared meanwhile
        } catch (FileAlreadyExistsException e) {
            throw new CliException("'" + folder + "' already exists", "choose another id or --dir; init never overwrites");
        } catch (IOException e) {
            throw new CliException("cannot create " + folder + ": " + IoErrors.describe(e), HINT);
        } finally {
            deleteTree(tmp);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("created " + folder + "/guide.yaml, " + folder + "/scenarios/" + id + ".yaml and " + folder + "/README.md");
        out.println("next: veiviser validate " + folder + " && veiviser test " + folder + " && veiviser lint " + folder);
        out.flush();
        return Main.EXIT_OK;
    }

    private static final String HINT = "check the free space and the permissions; nothing was left behind, so init can run again";

    /** The file system operations of init, replaceable in tests (a full disk, a failing rename). */
    interface FileOps {
        /** Writes a new file and forces it to disk. */
        void write(Path file, byte[] bytes) throws IOException;

        /** Renames a folder; fails with {@link FileAlreadyExistsException} when {@code target} exists. */
        void moveFolder(Path source, Path target) throws IOException;
    }

    static final FileOps DISK = new FileOps() {
        @Override
        public void write(Path file, byte[] bytes) throws IOException {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    ch.write(buffer);
                }
                ch.force(true);
            }
        }

        @Override
        public void moveFolder(Path source, Path target) throws IOException {
            Files.move(source, target); // a rename in the same folder; no REPLACE_EXISTING
        }
    };

    FileOps files = DISK;

    /** Writes {@code name} into the temporary folder; an error names the file as it would have been in {@code folder}. */
    private void write(Path tmp, Path folder, String name, String text) throws IOException {
        try {
            files.write(tmp.resolve(name), text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            String reason = e instanceof FileSystemException f && f.getReason() != null ? f.getReason()
                    : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new CliException("cannot write " + folder.resolve(name) + ": " + reason, HINT);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // best effort: the folder is hidden and named after init, and the error already said what failed
        }
    }

    private String guide() {
        return """
                # Guide file for %1$s, extending the guide '%2$s'.
                # For completion and hover help in your editor, make this the first line (path to the schema in the
                # veiviser repository, or in the rules-core jar under veiviser/schema/):
                #   # yaml-language-server: $schema=<path>/guide.schema.json
                #
                # Everything in '%2$s' applies here too: its rules, parameters, codes, signals and services. This file
                # only says what %1$s does differently or in addition:
                #   - add rules (give them ids starting with '%1$s.');
                #   - replace a rule of '%2$s' by writing one with the same id and 'override: true';
                #   - switch one off:  disable: [{rule: <id>, reason: ...}];
                #   - change a parameter by writing it again under 'parameters:' (dated values keep the history).
                # Every rule quotes the section of your guide it encodes (source.section and source.text), so a reader
                # can check it. Run 'veiviser validate', 'veiviser test', 'veiviser lint' and 'veiviser docs' on the folder.
                guide:
                  id: %1$s
                  title: Handlingsveileder for %1$s     # the guide's own title
                  municipality: %1$s                    # the municipality's name as it writes it
                  version: "0.1"                        # quote it, so that YAML keeps it text
                  extends: %2$s
                  # source: {title: ..., url: https://..., retrieved: 2026-01-31}   # where the guide text is published

                parameters:
                  # A number with a unit (days, weeks, months, years, level, count) and where it comes from. A change later
                  # is a new dated value:  values: [{value: 2}, {from: 2027-01-01, value: 3}]
                  coordinator-contact-within:
                    unit: weeks
                    description: Frist for å kontakte BTI-koordinator etter at bekymringen oppstod.
                    reference: "%1$s BTI, Nivå 1 %3$s"
                    value: 2

                codes:
                  # Finding codes %1$s adds to those of '%2$s'. Programs may react to them: keep them stable.
                  # Each code says what it makes the employee do (effects), so norge's exceptions reach it:
                  # whom it contacts, whether it shares information outside the service, the consent it presupposes,
                  # for whom it is (minor, adult, anyone) and its phase (acute, duty, ordinary, forward, ending,
                  # step-down, closing).
                  contact-bti-coordinator:
                    label: Kontakt kommunens BTI-koordinator
                    effects: {contacts: [services], shares: false, consent: [], for: minor, phase: ordinary}

                rules:
                  - id: %1$s.level1.contact-coordinator
                    description: >-
                      %6$s: on level 1 with a concern about well-being, the employee contacts the
                      municipality's BTI coordinator within two weeks. Say here how an ambiguous text was read.
                    when:
                      all:
                        - concern.signals: {contains: wellbeing-concern}
                        - case.level: {gte: 1}
                    then:
                      - code: contact-bti-coordinator
                        text: Ta kontakt med kommunens BTI-koordinator for råd om videre oppfølging.
                        due: {after: coordinator-contact-within, from: concern.since}
                        responsible: Den ansatte sammen med sin leder
                    source:
                      section: Nivå 1 › Samarbeid %4$s
                      text: %5$s
                      # law: [barnevernsloven § 13-2]   # the laws the section rests on, if it names them

                # disable:
                #   - {rule: <an id from %2$s>, reason: Why %1$s does not follow it.}
                # acknowledge:        # 'veiviser lint' warnings you have seen and accept
                #   - {id: W005, rule: <rule id>, reason: ...}

                # levels:   # if your guide names its levels otherwise than 0-3, list them all here, in order; cases,
                #           # steps, findings and conditions then use your ids (case.level: {gte: B})
                #   - {id: "0", name: Undring}
                #   - {id: A, name: Nivå A}
                #   - {id: B, name: Nivå B}
                #   - {id: C, name: Nivå C}
                # steps:    # ids as your guide writes them ("A.1"), each on its level
                #   - {id: A.1, level: A, title: Tiltak i egen tjeneste}
                """.formatted(id, base, InitPlaceholders.SECTION, InitPlaceholders.SECTION_TITLE, InitPlaceholders.QUOTE,
                        InitPlaceholders.EXAMPLE); // placeholders lint W009 knows: one owner
    }

    private String scenarios() {
        return """
                # Scenarios for %1$s: "for this case, the guide must say this". A name is a sentence; a case needs asOf.
                # 'veiviser test' runs them and reports rule coverage over the whole guide, '%2$s''s rules included.
                bases:
                  pupil: {asOf: 2026-11-24, child: {age: 10, setting: school}}

                scenarios:
                  - name: on level 1, a worry about well-being means contacting the BTI coordinator within two weeks
                    extend: pupil
                    case: {concern: {since: 2026-11-02, signals: [wellbeing-concern]}, case: {level: 1}}
                    expect:
                      includes: [{code: contact-bti-coordinator, due: 2026-11-16, rule: %1$s.level1.contact-coordinator}]

                  - name: before level 1 the coordinator is not contacted yet
                    extend: pupil
                    case: {concern: {since: 2026-11-02, signals: [wellbeing-concern]}, case: {level: 0}}
                    expect:
                      excludes: [contact-bti-coordinator]
                """.formatted(id, base);
    }

    private String readme(Path folder) {
        return """
                # %1$s

                The action guide (handlingsveileder) of %1$s as a Veiviser guide file. It extends `%2$s`: everything there
                applies here too, and `guide.yaml` says only what %1$s does differently or in addition.

                | file | what |
                |---|---|
                | `guide.yaml` | the guide: parameters, codes, rules, each rule with the section and words of the guide it encodes |
                | `scenarios/%1$s.yaml` | cases with what the guide must say for them |

                Check and publish it:

                ```sh
                veiviser validate %3$s          # every problem with file:line:column and a hint
                veiviser test %3$s              # scenarios: expected vs actual, and rule coverage
                veiviser lint %3$s              # warnings: rules without source or scenario, contradictions with %2$s, outdated law
                veiviser docs %3$s --output handbook   # the handbook as HTML, for phones and print
                ```

                Editors: add `# yaml-language-server: $schema=<path>/guide.schema.json` as the first line of `guide.yaml`
                (and `scenario.schema.json` for the scenarios) for completion and hover help. The schemas are in the
                Veiviser repository under `rules-core/src/main/resources/veiviser/schema/` and in the rules-core jar under
                `veiviser/schema/`.
                """.formatted(id, base, folder);
    }
}
