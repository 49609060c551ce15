package no.veiviser.guides;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import no.veiviser.Case;
import no.veiviser.Decision;
import no.veiviser.Finding;

/**
 * Guide-independent checks of one decision for findings that could harm a child or defeat themselves (issues 24 and
 * 25): what the national invariants prove over codes and effects, checked again on the decision a caseworker reads,
 * down to each source's text, so that a generated population can be counted. A guide's own checks go beside it.
 *
 * <p>The effects come from the guide files themselves (the guide and the bases it extends, by their {@code codes:}),
 * so a municipality's own codes are checked by what they declare. The texts are read sentence by sentence: under
 * suspected violence a sentence that names the guardians ("foresatte", "foreldre", "dere", but not the employees'
 * "du / dere") with a word of involving, asking or informing ("samarbeid", "sammen med", "informer", "samtykke" ...)
 * and without a negation ("ikke", "uten") has the employee involve, ask or inform them, whatever the code declares.
 */
final class HarmfulFindings {

    /** One harmful or self-defeating finding of a decision: the kind of check, and what it found (codes, rules). */
    record Violation(String kind, String detail) {}

    /** What a code declares it makes the employee do (a subset of the effects: what the checks need). */
    record Effect(Set<String> contacts, String phase, String forWhom, boolean shares) {}

    static final Set<String> VIOLENCE = Set.of("violence-suspected", "sexual-abuse-suspected", "mistreatment-at-home");
    private static final Pattern GUARDIANS = Pattern.compile("\\b(foresatte|foresattes|foreldre|foreldrene|foreldrenes|dere)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Words that have the employee involve, ask or inform someone (a sentence naming the guardians with one of them). */
    private static final Pattern INVOLVE = Pattern.compile(
            "(samarbeid|sammen med|samtale|møte|informer|informasjon|involver|invit|kontakt|spør|samtykke|underskrift|avtal|varsl|orienter|undre)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern NEGATION = Pattern.compile("\\b(ikke|uten)\\b", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern SENTENCE = Pattern.compile("(?<=[.!?»])\\s+");
    /**
     * "du / dere" addresses the employee and the colleagues, not the guardians (Øvre Eiker 0.3: "Er du / dere usikre, ta
     * kontakt med familiehjelpa ... for råd og veiledning"): left out before a sentence is read for the guardians.
     */
    private static final Pattern EMPLOYEES_ADDRESSED = Pattern.compile("\\bdu\\s*/\\s*dere\\b", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private final Map<String, Effect> effects;

    private HarmfulFindings(Map<String, Effect> effects) {
        this.effects = effects;
    }

    /**
     * The checks for a bundled guide, with the effects its file and its bases declare.
     *
     * @param guidesDir the folder of bundled guides (each {@code <id>/guide.yaml})
     * @param id the guide's id
     */
    static HarmfulFindings forGuide(Path guidesDir, String id) {
        Map<String, Effect> effects = new HashMap<>();
        read(guidesDir, id, effects);
        return new HarmfulFindings(effects);
    }

    private static void read(Path dir, String id, Map<String, Effect> into) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(dir.resolve(id).resolve("guide.yaml")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode base = root.path("guide").path("extends");
        if (base.isTextual()) {
            read(dir, base.asText(), into); // the base first: the guide's own declarations refine it
        }
        root.path("codes").fields().forEachRemaining(e -> {
            JsonNode fx = e.getValue().path("effects");
            if (fx.isObject()) {
                Set<String> contacts = new HashSet<>();
                fx.path("contacts").forEach(c -> contacts.add(c.asText()));
                into.put(e.getKey(), new Effect(contacts, fx.path("phase").asText(), fx.path("for").asText(), fx.path("shares").asBoolean()));
            }
        });
    }

    /** The effects of a code, as its guide declares them. */
    Effect effect(String code) {
        Effect e = effects.get(code);
        if (e == null) {
            throw new IllegalStateException("no effects declared for code " + code);
        }
        return e;
    }

    /** Whether the case is about a child: no age, or under 18 at asOf. */
    static boolean minor(Case c) {
        OptionalInt age = c.child().ageAt(c.asOf());
        return age.isEmpty() || age.getAsInt() < 18;
    }

    static boolean violence(Case c) {
        return c.concern().signals().stream().anyMatch(VIOLENCE::contains);
    }

    /** Whether a finding (by its code's effects and its 'who') contacts, asks or informs the guardians. */
    boolean contactsGuardians(Finding f) {
        Set<String> contacts = effect(f.code()).contacts();
        return contacts.contains("guardians")
                || (contacts.contains("who") || contacts.contains("whoever-consents")) && f.who().contains("guardians");
    }

    /** The sentences of a finding's texts (every rule that gave it) that name the guardians without a negation. */
    static List<String> guardianSentences(Finding f) {
        List<String> out = new ArrayList<>();
        for (Finding.Given g : f.sources()) {
            for (String sentence : SENTENCE.split(g.text())) {
                String read = EMPLOYEES_ADDRESSED.matcher(sentence).replaceAll("du");
                if (GUARDIANS.matcher(read).find() && INVOLVE.matcher(sentence).find() && !NEGATION.matcher(sentence).find()) {
                    out.add(g.rule() + ": " + sentence.strip());
                }
            }
        }
        return out;
    }

    /**
     * Every guide-independent violation in one decision.
     *
     * @param c the case
     * @param d the guide's decision for it
     * @return the violations, empty when the decision is sound
     */
    List<Violation> check(Case c, Decision d) {
        List<Violation> out = new ArrayList<>();
        boolean minor = minor(c);
        Map<String, Integer> count = new HashMap<>();
        for (Finding f : d.findings()) {
            count.merge(f.code(), 1, Integer::sum);
        }
        count.forEach((code, n) -> {
            if (n > 1) {
                out.add(new Violation("one finding per code", code + " ×" + n));
            }
        });
        if (violence(c) && minor) {
            for (Finding f : d.findings()) {
                Effect e = effect(f.code());
                boolean acuteOrDuty = e.phase().equals("acute") || e.phase().equals("duty");
                if (contactsGuardians(f) && !acuteOrDuty) {
                    out.add(new Violation("violence: contacts the guardians", f.code() + " " + f.sources().stream().map(Finding.Given::rule).toList()));
                }
                if (!f.code().equals("do-not-notify-guardians")) {
                    for (String s : guardianSentences(f)) {
                        out.add(new Violation("violence: a text involves the guardians", f.code() + " (" + s + ")"));
                    }
                }
            }
        }
        if (!minor) {
            for (Finding f : d.findings()) {
                if (effect(f.code()).forWhom().equals("minor") || contactsGuardians(f)) {
                    out.add(new Violation("adult: a finding for a child", f.code()));
                }
            }
        }
        boolean closing = d.findings().stream().anyMatch(f -> effect(f.code()).phase().equals("closing"));
        for (Finding f : d.findings()) {
            String phase = effect(f.code()).phase();
            if (closing && phase.equals("forward")) {
                out.add(new Violation("closing beside moving forward", f.code()));
            }
        }
        boolean stepDown = d.findings().stream().anyMatch(f -> effect(f.code()).phase().equals("step-down"));
        if (stepDown && d.findings().stream().anyMatch(f -> effect(f.code()).phase().equals("forward"))) {
            out.add(new Violation("step down beside moving forward", d.codes().toString()));
        }
        boolean logEnds = d.has("end-stafettlogg") || d.has("archive-stafettlogg") || d.has("individual-plan-ends-stafettlogg");
        if (logEnds && (d.has("create-stafettlogg") || d.has("keep-stafettlogg"))) {
            out.add(new Violation("the stafettlogg created or kept while it ends", d.codes().toString()));
        }
        if (minor) {
            for (Decision.Withheld w : d.withheld()) {
                for (String code : w.codes()) {
                    if (effects.containsKey(code) && effect(code).phase().equals("duty")) {
                        out.add(new Violation("a duty withheld", code + " of " + w.rule() + " by " + w.by()));
                    }
                }
            }
        }
        return out;
    }
}
