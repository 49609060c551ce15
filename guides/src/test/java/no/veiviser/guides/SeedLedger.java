package no.veiviser.guides;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A guide's seed text read sentence by sentence, and what the guide does with each directive sentence: quoted in a
 * rule's, concept's or exception's {@code source.text}, or listed in the README's completeness ledger.
 *
 * <p>A sentence is <em>directive</em> when it has "skal", "må", "bør" or "plikter", when it opens with an imperative
 * ("Drøft", "Husk", "Gjør" ...) or has one right after a condition ("Er du / dere usikre, ta kontakt ..."), or, inside a step of the action guide, with an infinitive used as an instruction
 * ("Involvere barnet/ungdommen", "Evaluere iverksatte tiltak"). Outside the steps such infinitives are goals ("Sikre
 * tidlig ... innsats"), not instructions. Sentences are compared after normalising space, the space around "/" and
 * case, and without the punctuation and quotation marks at their ends; a quote must cover a whole sentence.
 */
final class SeedLedger {

    /** One sentence of the seed, with the step of the action guide it stands in (empty outside the steps). */
    record Sentence(String text, Optional<String> step) {}

    private static final Pattern KEYWORD = Pattern.compile("(?<!\\w)(skal|må|bør|plikter)(?!\\w)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
    /** Imperatives that open an instruction, wherever they stand (lower case). */
    private static final Set<String> IMPERATIVES = Set.of("drøft", "konkretiser", "gjennomfør", "skriv", "del", "sammenfatt",
            "planlegg", "lag", "utarbeid", "gjør", "send", "opprett", "arkiver", "se", "sjekk", "presenter", "følg", "husk",
            "vurder", "evaluer", "informer", "oppdater", "bruk", "oppnå", "avklar", "ta", "ivareta", "avslutt", "dokumenter",
            "les", "gi", "gjennomgå", "fortsett");
    /** Infinitives that are instructions inside a step's text (lower case). */
    private static final Set<String> STEP_INFINITIVES = Set.of("involvere", "iverksette", "evaluere", "justere", "gjennomføre",
            "kvalitetssikre", "vurdere", "avslutte", "utarbeide", "sikre");
    /** A step heading of the action guide: "0.1. Undring oppstår", "1.5 Hvis saken avsluttes:". */
    private static final Pattern STEP = Pattern.compile("^(\\d\\.\\d)\\.? \\S");
    private static final Pattern SPLIT = Pattern.compile("(?<=[.!?])\\s+(?=[A-ZÆØÅ«\"“(])");
    /** A sentence "ending" in an abbreviation goes on ("evt. Samtykkeskjema", "jf. Meld. St 6"). */
    private static final Pattern ABBREVIATION = Pattern.compile("(?<!\\p{L})(evt|jf|ca|nr|kl|St|Meld|eks|dvs|bl\\.a|f\\.eks|m\\.m|osv)\\.$");
    private static final Pattern FIRST_WORD = Pattern.compile("[\\s,;:]");
    /** A condition first, then an imperative: "Er du / dere usikre, ta kontakt ...", "Hvis nei; avslutt saken." */
    private static final Pattern AFTER_CONDITION = Pattern.compile("^(?:er|hvis|dersom|når)\\s[^,;]*[,;]\\s*(\\p{L}+)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern ROW_STEP = Pattern.compile("^\\**(\\d\\.\\d)(?!\\d)");
    /** A ledger item: {@code - "the sentence"}, optionally followed by {@code  — a note} without double quotes. */
    private static final Pattern LEDGER_ITEM = Pattern.compile("^- \"(.*)\"(?: — [^\"]*)?$");

    private SeedLedger() {}

    /** The seed's sentences in order: one per line at least, lines split after . ! ? before a capital. */
    static List<Sentence> sentences(String seed) {
        List<Sentence> out = new ArrayList<>();
        Optional<String> step = Optional.empty();
        for (String raw : seed.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher m = STEP.matcher(line);
            if (m.find()) {
                step = Optional.of(m.group(1));
            } else if (line.equals("Mål") || line.toLowerCase(Locale.ROOT).startsWith("handlingsveileder nivå")) {
                step = Optional.empty();
            }
            line = line.replaceFirst("^[-–]\\s*", "");
            List<String> merged = new ArrayList<>();
            for (String part : SPLIT.split(line)) {
                if (!merged.isEmpty() && ABBREVIATION.matcher(merged.get(merged.size() - 1)).find()) {
                    merged.set(merged.size() - 1, merged.get(merged.size() - 1) + " " + part);
                } else {
                    merged.add(part);
                }
            }
            for (String s : merged) {
                if (!s.isBlank()) {
                    out.add(new Sentence(s.strip(), step));
                }
            }
        }
        return out;
    }

    /** Whether the sentence tells someone what to do (see the class comment). */
    static boolean directive(Sentence s) {
        if (KEYWORD.matcher(s.text()).find()) {
            return true;
        }
        String first = FIRST_WORD.split(s.text(), 2)[0].toLowerCase(Locale.ROOT);
        Matcher afterCondition = AFTER_CONDITION.matcher(s.text());
        return IMPERATIVES.contains(first) || s.step().isPresent() && STEP_INFINITIVES.contains(first)
                || afterCondition.find() && IMPERATIVES.contains(afterCondition.group(1).toLowerCase(Locale.ROOT));
    }

    /** Lower case, single spaces, no space around "/". */
    static String normalise(String text) {
        return text.replace('\u00a0', ' ').replaceAll("\\s*/\\s*", "/").replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    /** The sentence as compared: normalised, without punctuation or quotation marks at its ends. */
    static String core(String sentence) {
        return normalise(sentence).replaceAll("[.!?:;,»\"”]+$", "").replaceAll("^[«\"“]+", "");
    }

    /** The guide file's quoted sources, normalised, by the id of the rule, concept or exception quoting them. */
    static Map<String, String> quotedSources(Path guideYaml) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode root = yaml(guideYaml);
        for (String kind : List.of("rules", "concepts", "exceptions")) {
            for (JsonNode item : root.path(kind)) {
                JsonNode text = item.path("source").path("text");
                if (text.isTextual()) {
                    out.put(item.path("id").asText(), normalise(text.asText()));
                }
            }
        }
        return out;
    }

    /** The ids of the rules quoting the sentence whole, among the given sources. */
    static List<String> quoting(String sentence, Map<String, String> sources) {
        Pattern whole = Pattern.compile("(?<!\\w)" + Pattern.quote(core(sentence)) + "(?!\\w)", Pattern.UNICODE_CHARACTER_CLASS);
        return sources.entrySet().stream().filter(e -> whole.matcher(e.getValue()).find()).map(Map.Entry::getKey).toList();
    }

    /** The section of a Markdown file from the heading that starts with {@code heading} to the next heading of its level. */
    static String section(String markdown, String heading) {
        int start = markdown.indexOf("\n" + heading);
        if (start < 0) {
            throw new AssertionError("no section '" + heading + "'");
        }
        String level = heading.substring(0, heading.indexOf(' ') + 1);
        int end = markdown.indexOf("\n" + level, start + 1);
        return markdown.substring(start + 1, end < 0 ? markdown.length() : end);
    }

    /** The sentences the ledger lists: its items {@code - "..."}, in order. */
    static List<String> ledgerItems(String ledgerSection) {
        List<String> out = new ArrayList<>();
        for (String line : ledgerSection.split("\n")) {
            Matcher m = LEDGER_ITEM.matcher(line.strip());
            if (m.matches()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    /**
     * The rule ids each row of a Markdown table names in its second column (backticked ids starting with a guide id
     * and a dot; {@code *} stands for any characters), by the step id the row's first cell starts with ("0.3 Del
     * undringen", "**3.4**").
     */
    static Map<String, List<String>> stepRows(String table, List<String> guideIds) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Pattern ruleId = Pattern.compile("`((?:" + String.join("|", guideIds.stream().map(Pattern::quote).toList()) + ")\\.[^`\\s]+)`");
        for (String line : table.split("\n")) {
            String[] cells = line.strip().split("\\|");
            if (cells.length < 3 || !cells[0].isEmpty()) {
                continue;
            }
            Matcher step = ROW_STEP.matcher(cells[1].strip());
            if (step.find()) {
                List<String> ids = new ArrayList<>();
                Matcher id = ruleId.matcher(cells[2]);
                while (id.find()) {
                    ids.add(id.group(1));
                }
                out.put(step.group(1), ids);
            }
        }
        return out;
    }

    /** The cores of the directive sentences (and the {@code also} sentences), distinct, in the seed's order. */
    static Set<String> directiveCores(List<Sentence> sentences, List<String> also) {
        Set<String> out = new LinkedHashSet<>();
        for (Sentence s : sentences) {
            if (directive(s) || also.stream().anyMatch(a -> core(a).equals(core(s.text())))) {
                out.add(core(s.text()));
            }
        }
        return out;
    }

    static JsonNode yaml(Path file) {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
