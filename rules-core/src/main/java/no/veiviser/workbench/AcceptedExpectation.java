package no.veiviser.workbench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.veiviser.CompiledGuide;
import no.veiviser.Decision;
import no.veiviser.Finding;
import no.veiviser.Guide;
import no.veiviser.scenario.Scenario;
import no.veiviser.scenario.ScenarioRunner;
import no.veiviser.scenario.Scenarios;

/**
 * A failing scenario's expectation brought in line with a changed guide's decision, for the adviser to review before
 * anything is written: only the due dates and the level it states are replaced, in its own text (comments and layout
 * kept). When the new decision differs in more (a finding it expects is gone, one it excludes appears), nothing is
 * proposed: that is a change of meaning, for a person to write.
 */
final class AcceptedExpectation {
    /** The scenario's expectation as written now and as proposed, and the whole file with it. */
    record Proposal(String scenario, String before, String after, String text, String etag) {}

    /** Why no proposal is made. */
    static final class Refused extends Exception {
        Refused(String why) {
            super(why, null, false, false);
        }
    }

    private AcceptedExpectation() {}

    static Proposal propose(Guide served, Path file, int line, CompiledGuide changed) throws IOException, Refused {
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.UTF_8);
        Scenario s = Scenarios.read(served, List.of(file)).stream().filter(x -> x.line() == line).findFirst()
                .orElseThrow(() -> new Refused("no scenario starts at line " + line + " of " + file.getFileName()));
        Decision d = changed.evaluate(s.aCase());
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int start = line - 1;
        int indent = indent(lines.get(start));
        int end = start + 1;
        while (end < lines.size() && (lines.get(end).isBlank() || indent(lines.get(end)) > indent)) {
            end++;
        }
        int from = -1;
        for (int i = start; i < end; i++) {
            if (lines.get(i).matches(" {" + (indent + 2) + "}expect:.*") || (i == start && lines.get(i).matches(" *- +expect:.*"))) {
                from = i;
            }
        }
        if (from < 0) {
            throw new Refused("scenario '" + s.name() + "' states no expect: of its own");
        }
        int to = from + 1;
        while (to < end && (lines.get(to).isBlank() || indent(lines.get(to)) > indent + 2)) {
            to++;
        }
        String before = String.join("\n", lines.subList(from, to));
        String after = before;
        if (s.expect().level().isPresent() && s.expect().level().getAsInt() != d.level().recommended()) {
            after = once(after, Pattern.compile("(level:\\s*)" + s.expect().level().getAsInt() + "\\b"), d.level().recommended() + "", "level");
        }
        for (Scenario.ExpectedFinding f : s.expect().includes()) {
            List<Finding> now = d.findings(f.code());
            if (now.isEmpty()) {
                throw new Refused("the changed guide no longer gives '" + f.code() + "', which scenario '" + s.name() + "' expects: edit it by hand");
            }
            Optional<java.time.LocalDate> due = now.get(0).due();
            if (f.due().isPresent() && due.isPresent() && !f.due().get().equals(due.get())) {
                after = once(after, Pattern.compile("(code:\\s*" + Pattern.quote(f.code()) + "\\b(?:(?!code:)[^}])*?due:\\s*)" + f.due().get()),
                        due.get().toString(), f.code());
            }
        }
        if (after.equals(before)) {
            throw new Refused("scenario '" + s.name() + "' fails for more than a due date or the level: edit it by hand");
        }
        List<String> out = new ArrayList<>(lines.subList(0, from));
        out.addAll(List.of(after.split("\n", -1)));
        out.addAll(lines.subList(to, lines.size()));
        String proposed = String.join("\n", out);
        Path candidate = Files.createTempFile(file.getParent(), ".veiviser-check-", ".tmp");
        try {
            Files.writeString(candidate, proposed, StandardCharsets.UTF_8);
            List<Scenario> read = Scenarios.read(served, List.of(candidate)).stream().filter(x -> x.line() == line).toList();
            if (read.isEmpty() || !ScenarioRunner.run(changed, read).passed()) {
                throw new Refused("scenario '" + s.name() + "' fails for more than a due date or the level: edit it by hand");
            }
        } finally {
            Files.deleteIfExists(candidate);
        }
        return new Proposal(s.name(), before, after, proposed, Workbench.etag(bytes));
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** {@code text} with the one match of {@code p} given {@code value} after its first group; refused unless exactly one. */
    private static String once(String text, Pattern p, String value, String what) throws Refused {
        Matcher m = p.matcher(text);
        if (!m.find()) {
            throw new Refused("cannot find where the scenario states " + what + ": edit it by hand");
        }
        String out = text.substring(0, m.start()) + m.group(1) + value + text.substring(m.end());
        if (m.find()) {
            throw new Refused("the scenario states " + what + " more than once: edit it by hand");
        }
        return out;
    }
}
