package no.veiviser.lint;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import no.veiviser.Guide;
import no.veiviser.GuideException;
import no.veiviser.Problem;
import no.veiviser.internal.Access;
import no.veiviser.internal.engine.Condition;
import no.veiviser.internal.engine.Field;
import no.veiviser.internal.engine.Operand;
import no.veiviser.internal.model.Acknowledgement;
import no.veiviser.internal.model.Due;
import no.veiviser.internal.model.FindingTemplate;
import no.veiviser.internal.model.GuideLoader;
import no.veiviser.internal.model.GuideModel;
import no.veiviser.internal.model.Level;
import no.veiviser.internal.model.ParamText;
import no.veiviser.internal.model.Parameter;
import no.veiviser.internal.model.Rule;
import no.veiviser.internal.model.Step;
import no.veiviser.internal.yaml.Location;
import no.veiviser.internal.yaml.Node;
import no.veiviser.internal.yaml.NodeReader;
import no.veiviser.scenario.Scenario;
import no.veiviser.scenario.ScenarioRunner;

/**
 * Warnings that are not errors: what a reviewer of a guide file would point out. Only what the guide file itself
 * writes is checked (a municipal guide is not warned about the national base's rules). The ids are stable:
 *
 * <table>
 * <caption>Lint warnings</caption>
 * <tr><td>W001</td><td>a rule cites no section of the guide, or quotes no text from it</td></tr>
 * <tr><td>W002</td><td>a parameter no rule uses</td></tr>
 * <tr><td>W003</td><td>a finding code the guide declares but no rule emits</td></tr>
 * <tr><td>W004</td><td>a rule no scenario fires</td></tr>
 * <tr><td>W005</td><td>a municipal guide contradicts its base: a parameter with another value, or a rule with
 *     other ages than the base's rules for the same finding code</td></tr>
 * <tr><td>W006</td><td>a statement that is outdated law: opplæringsloven § 15-1 or chapter 9 A, the pre-2018
 *     "vedvarende alvorlige atferdsvansker", the old barnevernloven, sharing from kindergarten to school
 *     without consent</td></tr>
 * <tr><td>W007</td><td>a rule marked with {@code deviation:} (it departs from the law on purpose)</td></tr>
 * <tr><td>W008</td><td>an {@code acknowledge:} entry that matches no warning (remove it)</td></tr>
 * <tr><td>W010</td><td>a code's text names the guardians, consent or child welfare while its effects do not declare
 * them, acknowledged in {@code effects: {acknowledge: ...}} (shown with the reason; unacknowledged it is an error)</td></tr>
 * <tr><td>W009</td><td>a placeholder text that {@code veiviser init} wrote and nobody replaced (it would reach the
 *     handbook and the decisions employees read)</td></tr>
 * <tr><td>W011</td><td>a finding text states a parameter's value by hand ("fire uker") instead of through its
 *     placeholder ({@code {involve-guardians-within:words}}): a change of the parameter would leave the text saying
 *     the old value under the new due date. Unacknowledged it is a validate error, so lint lists the acknowledged
 *     ones</td></tr>
 * <tr><td>W012</td><td>a concept replaces or refines the base guide's concept of the same id: shown, with how (the
 *     clauses it replaces, adds or removes, and its exception), so that a reader of the base knows the municipality
 *     reads it otherwise; deliberate, so it is shown as acknowledged</td></tr>
 * </table>
 *
 * <p>A guide file accepts warnings with {@code acknowledge:}; they are still returned, marked
 * {@link LintWarning#acknowledged()}.
 */
public final class Lint {
    /** W001: a rule cites no section of the guide, or quotes no text from it. */
    public static final String NO_SOURCE = "W001";
    /** W002: a parameter no rule uses. */
    public static final String UNUSED_PARAMETER = "W002";
    /** W003: a finding code the guide declares but no rule emits. */
    public static final String CODE_NEVER_EMITTED = "W003";
    /** W004: a rule no scenario fires. */
    public static final String RULE_WITHOUT_SCENARIO = "W004";
    /** W005: a municipal guide contradicts its base. */
    public static final String CONTRADICTS_BASE = "W005";
    /** W006: a statement that is outdated law. */
    public static final String OUTDATED_LAW = "W006";
    /** W007: a rule marked with {@code deviation:}. */
    public static final String DEVIATION = "W007";
    /** W008: an {@code acknowledge:} entry that matches no warning. */
    public static final String STALE_ACKNOWLEDGEMENT = "W008";
    /** W009: a placeholder text from {@code veiviser init} that was not replaced. */
    public static final String PLACEHOLDER = "W009";
    /** W010: a code's text names the guardians, consent or child welfare its effects do not declare, acknowledged with a reason. */
    public static final String TEXT_CHECK_ACKNOWLEDGED = "W010";
    /** W011: a finding text states a parameter's value by hand instead of through its placeholder. */
    public static final String STATED_VALUE = "W011";
    /** W012: a concept replaces or refines the base guide's concept of the same id (shown, acknowledged). */
    public static final String CONCEPT_REFINED = "W012";

    /** Statements of outdated law: the pattern, what is outdated, and what holds now. */
    private record Outdated(Pattern pattern, String what, String now) {}

    private static final List<Outdated> OUTDATED = List.of(
            new Outdated(Pattern.compile("opplærings(?:loven|lova)\\s*§\\s*15-1\\b", Pattern.CASE_INSENSITIVE),
                    "cites opplæringsloven § 15-1 (the 1998 act)",
                    "since 1 August 2021 the kindergarten needs the guardians' permission to pass information on to the school "
                            + "(barnehageloven § 2 a), and a new opplæringslova replaced the 1998 act on 1 August 2024"),
            // Chapter 9 A of the 1998 act, written "opplæringsloven § 9 A-4", "opplæringslovas kapittel 9A" or
            // "§§ 9 A-2 og 9 A-3 i opplæringslova"; the 2023 act has no chapter 9 A, so any such citation is old.
            new Outdated(Pattern.compile("opplærings(?:loven|lova)s?\\s*(?:§§?|kap(?:ittel|\\.)?)\\s*9\\s*a\\b"
                    + "|(?:§|kap)[^.]{0,40}?\\b9\\s*a(?:-\\d+)?\\s+i\\s+opplærings(?:loven|lova)", Pattern.CASE_INSENSITIVE),
                    "cites opplæringsloven chapter 9 A (the 1998 act's chapter on the pupils' school environment)",
                    "a new opplæringslova (2023) replaced the 1998 act on 1 August 2024; the pupils' school environment, the "
                            + "school's duty to act included, is now its chapter 12"),
            new Outdated(Pattern.compile("vedvarende\\s+alvorlige\\s+atferdsvansker", Pattern.CASE_INSENSITIVE),
                    "uses the pre-2018 wording \"vedvarende alvorlige atferdsvansker\"",
                    "since 1 July 2018 the duty to report covers serious behaviour problems (serious or repeated crime, drug abuse, "
                            + "other normless behaviour), and a sick or disabled child not getting treatment or training"),
            new Outdated(Pattern.compile("\\bbarnevernloven\\b", Pattern.CASE_INSENSITIVE),
                    "cites the old barnevernloven (1992)",
                    "barnevernsloven (2021) replaced it on 1 January 2023 and renumbered the provisions (the duty to report: § 13-2)"),
            new Outdated(Pattern.compile("barnehage[^.]{0,200}?uten\\s+(?:foresattes\\s+|foreldrenes\\s+)?samtykke"
                    + "|uten\\s+(?:foresattes\\s+|foreldrenes\\s+)?samtykke[^.]{0,200}?barnehage", Pattern.CASE_INSENSITIVE),
                    "says information may pass from the kindergarten without the guardians' consent",
                    "since 1 August 2021 the kindergarten needs the guardians' permission to pass information on to the school "
                            + "(barnehageloven § 2 a)"));

    private Lint() {}

    /**
     * Every warning except W004 (which needs scenarios).
     *
     * @param guide the guide
     * @return the warnings, in file order
     */
    public static List<LintWarning> check(Guide guide) {
        return check(guide, null);
    }

    /**
     * Every warning for {@code guide}, in file order; W004 is checked against {@code scenarios} (give an empty list
     * to get W004 for every rule, {@code null} to skip W004).
     *
     * @param guide the guide
     * @param scenarios the guide's scenarios, or null
     * @return the warnings, in file order
     */
    public static List<LintWarning> check(Guide guide, List<Scenario> scenarios) {
        GuideModel m = Access.model(guide);
        String own = m.id();
        String file = m.files().isEmpty() ? "" : m.files().get(m.files().size() - 1);
        List<Rule> ownRules = m.rules().stream().filter(r -> r.origin().equals(own)).toList();
        List<LintWarning> out = new ArrayList<>();
        Optional<GuideModel> base = base(m, file);

        // W001
        for (Rule r : ownRules) {
            if (r.source().isEmpty() || r.source().get().section().isBlank()) {
                out.add(w(NO_SOURCE, r.id(), r.at(), "rule '" + r.id() + "' cites no section of the guide",
                        "add source: {section: ..., text: ...} so a reader can check it"));
            } else if (r.source().get().quote().isBlank()) {
                out.add(w(NO_SOURCE, r.id(), r.at(), "rule '" + r.id() + "' quotes no text from its section",
                        "add source.text with the 1-3 sentences it encodes"));
            }
        }
        // W002
        Set<String> used = new LinkedHashSet<>();
        for (Rule r : m.rules()) {
            if (r.when() != null) {
                used.addAll(r.when().parameters());
            }
            for (FindingTemplate f : r.then()) {
                if (f.due().orElse(null) instanceof Due.After after) {
                    used.add(after.parameter());
                }
                ParamText.refs(f.text()).forEach(ref -> used.add(ref.parameter()));
            }
        }
        // A parameter may also be used only by a concept, an exception or an invariant's condition.
        m.concepts().forEach(c -> used.addAll(c.when().parameters()));
        m.exceptions().forEach(e -> used.addAll(e.when().parameters()));
        m.invariants().stream().filter(i -> i instanceof no.veiviser.internal.model.Invariant.OnlyWhen)
                .forEach(i -> used.addAll(((no.veiviser.internal.model.Invariant.OnlyWhen) i).condition().parameters()));
        for (Parameter p : m.parameters().values()) {
            if (p.origin().equals(own) && !used.contains(p.name())) {
                out.add(w(UNUSED_PARAMETER, p.name(), p.at(), "parameter '" + p.name() + "' is used by no rule",
                        "use it in a rule ({param: " + p.name() + "} or due: {after: " + p.name() + "}), or remove it"));
            }
        }
        // W003
        Set<String> emitted = new LinkedHashSet<>();
        m.rules().forEach(r -> r.then().forEach(f -> emitted.add(f.code())));
        Map<String, Location> codeAt = catalogueLocations(file, "codes");
        Set<String> baseCodes = base.map(b -> b.codes().keySet()).orElse(Set.of());
        for (String code : m.codes().keySet()) {
            if (!emitted.contains(code) && !baseCodes.contains(code)) {
                out.add(w(CODE_NEVER_EMITTED, code, codeAt.getOrDefault(code, Location.unknown(file)),
                        "finding code '" + code + "' is emitted by no rule",
                        "a program reacting to it would wait forever: emit it from a rule, or remove it from 'codes'"));
            }
        }
        // W004
        if (scenarios != null) {
            Set<String> neverFired = new TreeSet<>(ScenarioRunner.run(guide.compile(), scenarios).coverage().rulesNeverFired());
            for (Rule r : ownRules) {
                if (neverFired.contains(r.id())) {
                    out.add(w(RULE_WITHOUT_SCENARIO, r.id(), r.at(), "rule '" + r.id() + "' is fired by no scenario",
                            "add a scenario whose case makes it fire, so a change to it cannot pass unnoticed"));
                }
            }
        }
        // W005
        base.ifPresent(b -> contradictions(m, b, own, ownRules, out));
        // W006
        outdated(m, own, ownRules, out);
        // W009
        placeholders(m, own, ownRules, out);
        // W011
        statedValues(m, ownRules, out);
        // W007
        for (Rule r : ownRules) {
            r.deviation().ifPresent(d -> out.add(w(DEVIATION, r.id(), d.at(), "rule '" + r.id() + "' departs from " + d.law() + ": " + d.note(),
                    "the rule encodes the guide as written; check the guide against the law")));
        }

        // W012: a base concept replaced or refined, and how; deliberate, so shown as acknowledged
        for (no.veiviser.internal.model.Concept c : m.concepts()) {
            if (c.origin().equals(own) && c.override()) { // the loader accepts override and refine only of a base concept
                String how = c.refinement().map(r -> "refines " + r.base() + "'s concept '" + c.id() + "': " + r.summary(false))
                        .orElse("replaces " + m.extendsId().orElse("the base") + "'s concept '" + c.id() + "' whole");
                out.add(new LintWarning(CONCEPT_REFINED, c.id(), new Problem(Problem.Severity.WARNING, c.at().file(), c.at().line(),
                        c.at().column(), "concept '" + c.id() + "' " + how, "every rule, exception and invariant of the base that uses "
                        + "it reads this guide's concept; check them with veiviser verify"), true));
            }
        }
        // W010: shown with the author's reason, already acknowledged (a text check not acknowledged is a validate error)
        java.util.Set<String> shown = new java.util.HashSet<>();
        for (no.veiviser.internal.model.EffectsText.Mismatch x : no.veiviser.internal.model.EffectsText.mismatches(m)) {
            var fx = m.effects().get(x.code());
            if (fx != null && fx.acknowledged().isPresent() && shown.add(x.code() + " " + x.missing())) {
                out.add(new LintWarning(TEXT_CHECK_ACKNOWLEDGED, x.code(), new Problem(Problem.Severity.WARNING, x.at().file(),
                        x.at().line(), x.at().column(), "the text of code '" + x.code() + "' (rule " + x.rule() + ") says '" + x.word()
                        + "', but its effects do not declare " + x.missing() + "; acknowledged: " + fx.acknowledged().get(),
                        "check that the reason still holds for this text"), true));
            }
        }
        out.sort(Comparator.comparing((LintWarning x) -> x.problem().file()).thenComparingInt(x -> x.problem().line())
                .thenComparingInt(x -> x.problem().column()).thenComparing(LintWarning::id));
        return acknowledge(m, own, out);
    }

    /** Marks acknowledged warnings and adds W008 for acknowledgements that match nothing. */
    private static List<LintWarning> acknowledge(GuideModel m, String own, List<LintWarning> warnings) {
        List<Acknowledgement> acks = m.acknowledge().stream().filter(a -> a.origin().equals(own)).toList();
        List<LintWarning> out = new ArrayList<>();
        Set<Acknowledgement> usedAcks = new LinkedHashSet<>();
        for (LintWarning x : warnings) {
            Optional<Acknowledgement> ack = acks.stream()
                    .filter(a -> a.id().equals(x.id()) && a.subject().map(x.subject()::equals).orElse(true)).findFirst();
            ack.ifPresent(usedAcks::add);
            out.add(ack.isPresent() ? new LintWarning(x.id(), x.subject(), x.problem(), true) : x);
        }
        for (Acknowledgement a : acks) {
            if (!usedAcks.contains(a)) {
                out.add(w(STALE_ACKNOWLEDGEMENT, a.id(), a.at(), "acknowledge: " + a.id() + a.subject().map(s -> " for '" + s + "'").orElse("")
                        + " matches no warning", "remove the entry: the guide no longer has that warning"));
            }
        }
        return List.copyOf(out);
    }

    // ---- W005 ----

    private static void contradictions(GuideModel m, GuideModel b, String own, List<Rule> ownRules, List<LintWarning> out) {
        for (Parameter p : m.parameters().values()) {
            Parameter inBase = b.parameters().get(p.name());
            if (p.origin().equals(own) && inBase != null && !values(p).equals(values(inBase))) {
                out.add(w(CONTRADICTS_BASE, p.name(), p.at(), "parameter '" + p.name() + "' is " + show(p) + " here, but "
                        + show(inBase) + " in the base guide '" + b.id() + "' (" + inBase.at() + ")",
                        "if the municipality deliberately differs from the national base, say why in 'description' and acknowledge W005"));
            }
        }
        LocalDate today = LocalDate.now();
        for (Rule r : ownRules) {
            Set<Integer> ages = ages(r.when(), m, today);
            if (ages.isEmpty()) {
                continue;
            }
            for (FindingTemplate f : r.then()) {
                for (Rule br : b.rules()) {
                    if (br.id().equals(r.id()) && !r.override()) {
                        continue;
                    }
                    boolean sameCode = br.then().stream().anyMatch(bf -> bf.code().equals(f.code()) && bf.who().equals(f.who()));
                    if (!sameCode) {
                        continue;
                    }
                    Set<Integer> baseAges = ages(br.when(), b, today);
                    if (!baseAges.isEmpty() && !baseAges.equals(ages)) {
                        out.add(w(CONTRADICTS_BASE, r.id(), r.at(), "rule '" + r.id() + "' gives '" + f.code() + "'"
                                + (f.who().isEmpty() ? "" : " for " + String.join(" and ", f.who())) + " at other ages than the base guide's rule '"
                                + br.id() + "' (" + br.at() + "): this rule holds for a child aged " + ageTests(r.when(), m, today)
                                + "; the base rule for a child aged " + ageTests(br.when(), b, today),
                                "encode the guide as it stands, and make the difference visible: acknowledge W005 with the reason, and a scenario that documents it"));
                        break;
                    }
                }
            }
        }
    }

    /** The ages a condition compares {@code child.age} with, parameters as in force on {@code date}. */
    private static Set<Integer> ages(Condition c, GuideModel m, LocalDate date) {
        Set<Integer> out = new TreeSet<>();
        if (c == null) {
            return out;
        }
        c.leaves(leaf -> {
            if (leaf instanceof Condition.Compare cmp && cmp.field() == Field.CHILD_AGE && cmp.operand() != null) {
                if (cmp.operand() instanceof Operand.Literal l) {
                    out.add(l.value());
                } else if (cmp.operand() instanceof Operand.ParamRef ref && m.parameters().containsKey(ref.name())) {
                    m.parameters().get(ref.name()).valueOn(date).ifPresent(v -> out.add(v * ref.factor()));
                }
            }
        });
        return out;
    }

    /**
     * The age tests of a condition in words, as the case must be for it to hold ("under 15" for a
     * {@code not: {child.age: {gte: 15}}}, concepts included): "under 16 (parameter 'youth-consent-alone-age'), under 15".
     * Listed, not combined: the words do not say whether the condition joins them with "and" or "or".
     */
    private static String ageTests(Condition c, GuideModel m, LocalDate date) {
        Set<String> out = new LinkedHashSet<>();
        ageTests(c, false, m, date, out);
        return String.join(", ", out);
    }

    private static void ageTests(Condition c, boolean negated, GuideModel m, LocalDate date, Set<String> out) {
        if (c instanceof Condition.All all) {
            all.parts().forEach(p -> ageTests(p, negated, m, date, out));
        } else if (c instanceof Condition.Any any) {
            any.parts().forEach(p -> ageTests(p, negated, m, date, out));
        } else if (c instanceof Condition.Not not) {
            ageTests(not.part(), !negated, m, date, out);
        } else if (c instanceof Condition.IfMissing presumed) {
            ageTests(presumed.part(), negated, m, date, out);
        } else if (c instanceof Condition.ConceptRef ref) {
            ageTests(ref.body(), negated, m, date, out);
        } else if (c instanceof Condition.Compare cmp && cmp.field() == Field.CHILD_AGE && cmp.operand() != null) {
            String limit = null;
            if (cmp.operand() instanceof Operand.Literal l) {
                limit = Integer.toString(l.value());
            } else if (cmp.operand() instanceof Operand.ParamRef ref && m.parameters().containsKey(ref.name())) {
                limit = m.parameters().get(ref.name()).valueOn(date).map(v -> (v * ref.factor()) + " (parameter '" + ref.name() + "')").orElse(null);
            }
            if (limit != null) {
                out.add(switch (negated ? cmp.op().negated() : cmp.op()) {
                    case EQ -> "exactly ";
                    case NE -> "other than ";
                    case LT -> "under ";
                    case LTE -> "at most ";
                    case GT -> "over ";
                    case GTE -> "at least ";
                } + limit);
            }
        }
    }

    private static List<String> values(Parameter p) {
        return p.values().stream().map(v -> v.from().map(d -> d + ":").orElse("") + v.value()).toList();
    }

    /** A parameter's values in words: "16 years", or "15 years, 16 years from 2027-01-01" when they are dated. */
    private static String show(Parameter p) {
        return p.values().stream().map(v -> amount(v.value(), p.unit()) + v.from().map(d -> " from " + d).orElse(""))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static String amount(int value, no.veiviser.internal.model.Unit unit) {
        return switch (unit) {
            case LEVEL -> "level " + value;
            case COUNT -> Integer.toString(value);
            default -> value + " " + (value == 1 ? unit.code().substring(0, unit.code().length() - 1) : unit.code());
        };
    }

    // ---- W006 ----

    private static void outdated(GuideModel m, String own, List<Rule> ownRules, List<LintWarning> out) {
        for (Rule r : ownRules) {
            List<String> texts = new ArrayList<>();
            texts.add(r.description());
            r.source().ifPresent(s -> {
                texts.add(s.quote());
                texts.addAll(s.law());
            });
            r.then().forEach(f -> texts.add(f.text()));
            outdated(texts, r.id(), r.at(), out);
        }
        String file = m.files().isEmpty() ? "" : m.files().get(m.files().size() - 1);
        for (Step s : m.steps()) {
            if (s.at().file().equals(file)) {
                List<String> texts = new ArrayList<>();
                s.situation().ifPresent(texts::add);
                s.action().ifPresent(texts::add);
                s.how().ifPresent(texts::add);
                outdated(texts, "step " + s.id(), s.at(), out);
            }
        }
        for (Level l : m.levels()) {
            if (l.at().file().equals(file)) {
                outdated(List.of(l.criteria()), "level " + l.level(), l.at(), out);
            }
        }
        for (Parameter p : m.parameters().values()) {
            if (p.origin().equals(own)) {
                outdated(List.of(p.description(), p.reference()), p.name(), p.at(), out);
            }
        }
    }

    private static void outdated(List<String> texts, String subject, Location at, List<LintWarning> out) {
        for (Outdated o : OUTDATED) {
            if (texts.stream().anyMatch(t -> t != null && o.pattern().matcher(t).find())) {
                out.add(w(OUTDATED_LAW, subject, at, subject.startsWith("step ") || subject.startsWith("level ")
                        ? subject + " " + o.what() : "'" + subject + "' " + o.what(),
                        "outdated: " + o.now() + "; encode the guide as written and tell its authors"));
            }
        }
    }

    // ---- W009 ----

    private static void placeholders(GuideModel m, String own, List<Rule> ownRules, List<LintWarning> out) {
        for (Rule r : ownRules) {
            List<String> texts = new ArrayList<>();
            texts.add(r.description());
            r.source().ifPresent(s -> {
                texts.add(s.section());
                texts.add(s.quote());
            });
            r.then().forEach(f -> {
                texts.add(f.text());
                f.responsible().ifPresent(texts::add);
            });
            placeholder(texts, "rule '" + r.id() + "'", r.id(), r.at(), out);
        }
        for (Parameter p : m.parameters().values()) {
            if (p.origin().equals(own)) {
                placeholder(java.util.Arrays.asList(p.description(), p.reference()), "parameter '" + p.name() + "'", p.name(), p.at(), out);
            }
        }
    }

    private static void placeholder(List<String> texts, String what, String subject, Location at, List<LintWarning> out) {
        for (String t : texts) {
            if (t == null) {
                continue;
            }
            for (Pattern p : no.veiviser.internal.InitPlaceholders.PATTERNS) { // the ones init writes
                var found = p.matcher(t);
                if (found.find()) {
                    out.add(w(PLACEHOLDER, subject, at, what + " still has a placeholder from 'veiviser init': \"" + found.group() + "\"",
                            "write the guide's own words there; the handbook and the decisions show this text to employees"));
                    return;
                }
            }
        }
    }

    // ---- W011 ----

    private static void statedValues(GuideModel m, List<Rule> ownRules, List<LintWarning> out) {
        for (Rule r : ownRules) {
            Set<String> ruleUses = new LinkedHashSet<>(r.when() == null ? Set.of() : r.when().parameters());
            r.then().forEach(f -> {
                if (f.due().orElse(null) instanceof Due.After after) {
                    ruleUses.add(after.parameter());
                }
            });
            for (FindingTemplate f : r.then()) {
                for (ParamText.StatedValue s : ParamText.statedValues(f.text(), m.parameters().values(), ruleUses)) {
                    out.add(w(STATED_VALUE, r.id(), f.textAt(), "the text of '" + f.code() + "' (rule " + r.id() + ") states \""
                            + s.words() + "\", a value of parameter " + s.parameters().stream().map(n -> "'" + n + "'")
                            .collect(java.util.stream.Collectors.joining(" or ")) + ", by hand",
                            "write " + s.placeholder() + " instead: a change of the parameter, or a dated value, then changes the text too"));
                }
            }
        }
    }

    // ---- helpers ----

    private static LintWarning w(String id, String subject, Location at, String message, String hint) {
        return new LintWarning(id, subject, new Problem(Problem.Severity.WARNING, at.file(), at.line(), at.column(), message, hint), false);
    }

    /** The guide this one extends, as its loader found it; empty for the national base or when it cannot be read. */
    private static Optional<GuideModel> base(GuideModel m, String file) {
        if (m.extendsId().isEmpty()) {
            return Optional.empty();
        }
        try {
            Optional<GuideLoader.Source> source = source(file).flatMap(s -> s.resolve(m.extendsId().get()));
            return source.map(s -> GuideLoader.load(s).model());
        } catch (GuideException e) {
            return Optional.empty();
        }
    }

    private static Optional<GuideLoader.Source> source(String file) {
        java.nio.file.Path path = java.nio.file.Path.of(file);
        if (java.nio.file.Files.isRegularFile(path)) {
            return Optional.of(GuideLoader.file(path));
        }
        var bundled = java.util.regex.Pattern.compile("guides/([a-z0-9æøå][a-z0-9æøå._-]*)/guide\\.yaml").matcher(file);
        return bundled.matches() ? GuideLoader.bundled(bundled.group(1)) : Optional.empty();
    }

    /** Where each entry of a catalogue ({@code codes}) is written in {@code file}. */
    private static Map<String, Location> catalogueLocations(String file, String key) {
        Map<String, Location> out = new LinkedHashMap<>();
        Optional<GuideLoader.Source> source = source(file);
        if (source.isEmpty()) {
            return out;
        }
        NodeReader.Result read = source.get().read();
        if (read.root() instanceof Node.MapNode top && top.get(key) instanceof Node.MapNode catalogue) {
            catalogue.entries().values().forEach(e -> out.put(e.key(), e.keyAt()));
        }
        return out;
    }
}
