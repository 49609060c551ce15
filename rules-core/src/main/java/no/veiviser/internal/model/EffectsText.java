package no.veiviser.internal.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import no.veiviser.internal.yaml.Problems;

/**
 * Keeps the declared effects honest: a finding whose text (or whose code's label) names the guardians, consent or
 * child welfare, while its effects declare no contact with the guardians, no consent kind or no contact with child
 * welfare, is an error of the guide. An author who has a reason (a consent finding asks for consent, it does not
 * presuppose it) writes it in the code's {@code effects: {acknowledge: ...}}, which lint and the handbook show.
 * Words in bokmål and nynorsk; a law's name ("barnevernsloven") is no mention of the service.
 */
public final class EffectsText {
    static final Pattern GUARDIANS = Pattern.compile(
            "\\b(foresatt\\w*|føresett\\w*|føresatt\\w*|foreld\\w*|forelder|verge|vergen|verger|vergene)\\b", Pattern.CASE_INSENSITIVE
                    | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
    static final Pattern CONSENT = Pattern.compile("\\bsamtykk\\w*", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE
            | Pattern.UNICODE_CHARACTER_CLASS);
    static final Pattern CHILD_WELFARE = Pattern.compile("\\bbarnevern(?!s?lov)\\w*", Pattern.CASE_INSENSITIVE
            | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);

    private EffectsText() {}

    /** One mismatch between a code's words and its effects. */
    public record Mismatch(String code, String rule, String word, String missing, no.veiviser.internal.yaml.Location at) {}

    /** Every mismatch of the guide's own findings (its base guide's are its base's to answer for), acknowledged or not. */
    public static List<Mismatch> mismatches(GuideModel guide) {
        List<Mismatch> out = new ArrayList<>();
        for (Rule rule : guide.rules()) {
            if (!rule.origin().equals(guide.id())) {
                continue;
            }
            for (FindingTemplate t : rule.then()) {
                Effects e = guide.effectsOf(t.code(), t.who());
                if (e == null) {
                    continue;
                }
                String words = guide.codes().getOrDefault(t.code(), "") + " " + t.text();
                check(GUARDIANS, words, e.contacts().contains("guardians"), "contacts: [guardians]", t, rule, out);
                check(CONSENT, words, !e.consent().isEmpty(), "a consent kind in consent: [...]", t, rule, out);
                check(CHILD_WELFARE, words, e.contacts().contains("child-welfare"), "contacts: [child-welfare]", t, rule, out);
            }
        }
        return out;
    }

    private static void check(Pattern words, String text, boolean declared, String missing, FindingTemplate t, Rule rule,
                              List<Mismatch> out) {
        var m = words.matcher(text);
        if (!declared && m.find()) {
            out.add(new Mismatch(t.code(), rule.id(), m.group().toLowerCase(Locale.ROOT), missing, t.at()));
        }
    }

    /** Reports every mismatch not acknowledged on its code, once per code and missing declaration. */
    static void check(GuideModel guide, Problems problems) {
        java.util.Set<String> reported = new java.util.HashSet<>();
        for (Mismatch m : mismatches(guide)) {
            Effects e = guide.effects().get(m.code());
            if (e.acknowledged().isPresent() || !reported.add(m.code() + " " + m.missing())) {
                continue;
            }
            problems.error(m.at(), "the text of code '" + m.code() + "' (rule " + m.rule() + ") says '" + m.word()
                            + "', but the code's effects do not declare " + m.missing(),
                    "declare it in the code's effects, or say why not: effects: {..., acknowledge: \"...\"}");
        }
    }
}
