package no.veiviser.internal.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.veiviser.internal.yaml.Location;

/**
 * A guide with everything it extends merged in: immutable, validated, ready to compile.
 * Catalogues map a code to its Norwegian label, in file order; {@code codeLabelsEn} holds the English labels a
 * guide gives its finding codes ({@code label: {nb, en}}), where it gives one.
 */
public record GuideModel(String id, String title, Optional<String> municipality, String version,
                         Optional<String> extendsId, Optional<String> sourceTitle, Optional<String> sourceUrl,
                         Optional<LocalDate> retrieved, Map<String, Parameter> parameters, List<Level> levels,
                         List<Step> steps, List<Tool> tools, Map<String, String> codes, Map<String, String> signals,
                         Map<String, String> services, List<Rule> rules, List<String> files, Location at,
                         List<Acknowledgement> acknowledge, Map<String, List<String>> tags, List<Concept> concepts,
                         List<RuleException> exceptions, List<Invariant> invariants, Map<String, String> codeLabelsEn,
                         Map<String, Effects> effects, Map<String, MeetingOutcome> meetingOutcomes) {
    /** Who a finding may name besides services: the people around the child. */
    public static final List<String> ROLES = List.of("guardians", "youth", "child", "employee", "leader");

    /** The roles and services a finding's {@code who} may name. */
    public java.util.Set<String> whoValues() {
        java.util.Set<String> who = new java.util.LinkedHashSet<>(ROLES);
        who.addAll(services.keySet());
        return who;
    }

    public GuideModel {
        parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
        codes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(codes));
        signals = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(signals));
        services = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(services));
        levels = List.copyOf(levels);
        steps = List.copyOf(steps);
        tools = List.copyOf(tools);
        rules = List.copyOf(rules);
        files = List.copyOf(files);
        acknowledge = acknowledge == null ? List.of() : List.copyOf(acknowledge);
        tags = tags == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tags));
        concepts = concepts == null ? List.of() : List.copyOf(concepts);
        exceptions = exceptions == null ? List.of() : List.copyOf(exceptions);
        invariants = invariants == null ? List.of() : List.copyOf(invariants);
        codeLabelsEn = codeLabelsEn == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(codeLabelsEn));
        effects = effects == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(effects));
        meetingOutcomes = meetingOutcomes == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(meetingOutcomes));
    }

    /** Every outcome a case's meeting may have in this guide: the five national ones, then the guide's own. */
    public java.util.Set<String> outcomeCodes() {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (no.veiviser.Meeting.Outcome o : no.veiviser.Meeting.Outcome.values()) {
            out.add(o.code());
        }
        out.addAll(meetingOutcomes.keySet());
        return out;
    }

    /** The national meaning of an outcome as a case writes it (a national code, or one of the guide's own); null if neither. */
    public no.veiviser.Meeting.Outcome outcomeMeaning(String written) {
        MeetingOutcome own = meetingOutcomes.get(written);
        if (own != null) {
            return own.means();
        }
        for (no.veiviser.Meeting.Outcome o : no.veiviser.Meeting.Outcome.values()) {
            if (o.code().equals(written)) {
                return o;
            }
        }
        return null;
    }

    /**
     * What a test of {@code meeting.outcome} against {@code written} matches: a guide's own outcome itself; a national
     * outcome, itself and every own outcome with that meaning (so that the base's {@code close} holds for "avslutt").
     */
    public List<String> outcomesMeaning(String written) {
        List<String> out = new java.util.ArrayList<>(List.of(written));
        if (!meetingOutcomes.containsKey(written)) {
            meetingOutcomes.values().stream().filter(o -> o.means().code().equals(written)).forEach(o -> out.add(o.id()));
        }
        return out;
    }

    /** A finding code's label for people: English where asked for and given, else bokmål, else the code itself. */
    public String codeLabel(String code, boolean english) {
        String en = english ? codeLabelsEn.get(code) : null;
        return en != null ? en : codes.getOrDefault(code, code);
    }

    /** The same guide with its conditions parsed (what validation returns). */
    public GuideModel withLogic(List<Rule> rules, List<Concept> concepts, List<RuleException> exceptions, List<Invariant> invariants) {
        return new GuideModel(id, title, municipality, version, extendsId, sourceTitle, sourceUrl, retrieved, parameters, levels,
                steps, tools, codes, signals, services, rules, files, at, acknowledge, tags, concepts, exceptions, invariants, codeLabelsEn, effects,
                meetingOutcomes);
    }

    /**
     * The position of a level as a case, a scenario or a condition writes it: one of the guide's level ids, or else a
     * whole number read as a position (how norge's rules speak of the levels of a guide that names them 0, A, B, C).
     *
     * @return the position, or null when it is no level of this guide
     */
    public Integer levelPosition(String written) {
        for (Level l : levels) {
            if (l.id().equals(written)) {
                return l.level();
            }
        }
        if (written.matches("0|[1-9][0-9]?")) { // a number as written canonically, so that every form maps to one place
            int position = Integer.parseInt(written);
            return position <= lastLevel() ? position : null;
        }
        return null;
    }

    /** The level at {@code position}, if the guide describes it. */
    public Optional<Level> levelAt(int position) {
        return levels.stream().filter(l -> l.level() == position).findFirst();
    }

    /**
     * The highest position a level may have: a guide that names its levels (an id other than its number) has exactly
     * those; a numbered guide has at least 0-3, described or not.
     */
    public int lastLevel() {
        int described = levels.stream().mapToInt(Level::level).max().orElse(-1);
        return namesLevels() ? described : Math.max(3, described);
    }

    /** Whether a level's id is other than its number (0, A, B, C). */
    public boolean namesLevels() {
        return levels.stream().anyMatch(l -> !l.id().equals(String.valueOf(l.level())));
    }

    /** The guide's level ids in order, for hints: every place up to the last, by its id (or number, where not described). */
    public List<String> levelIds() {
        List<String> ids = new java.util.ArrayList<>();
        for (int p = 0; p <= lastLevel(); p++) {
            int place = p;
            ids.add(levelAt(p).map(Level::id).orElse(String.valueOf(place)));
        }
        return ids;
    }

    /** Every tag a finding of this guide can carry: given by hand, derived from effects, or from a rule's 'who'. */
    public java.util.SortedSet<String> allTags() {
        java.util.SortedSet<String> tags = new java.util.TreeSet<>();
        tags().values().forEach(tags::addAll);
        effects().values().forEach(e -> tags.addAll(e.derivedTags()));
        rules().forEach(r -> r.then().forEach(t -> tags.addAll(tagsOf(t.code(), t.who()))));
        return tags;
    }

    /** The tags a finding code is given by hand (empty when it has none); see {@link #tagsOf(String, List)} for all. */
    public List<String> tagsOf(String code) {
        return tags.getOrDefault(code, List.of());
    }

    /** The effects of one finding: its code's, with {@code who} resolved from the finding's; null for an undeclared code. */
    public Effects effectsOf(String code, List<String> who) {
        Effects e = effects.get(code);
        return e == null ? null : e.resolve(who);
    }

    /** Every tag of one finding: those of its code and those its effects stand for. */
    public java.util.Set<String> tagsOf(String code, List<String> who) {
        java.util.Set<String> all = new java.util.LinkedHashSet<>(tagsOf(code));
        Effects e = effectsOf(code, who);
        if (e != null) {
            all.addAll(e.derivedTags());
        }
        return all;
    }

    /** The labels one finding of a rule carries: the rule's own {@code labels:} and its tags. */
    public java.util.Set<String> labelsOf(Rule rule, FindingTemplate t) {
        java.util.Set<String> labels = new java.util.LinkedHashSet<>(rule.labels());
        labels.addAll(tagsOf(t.code(), t.who()));
        return labels;
    }

    /** A rule's labels: its own {@code labels:} and the tags of every finding it gives, without repeats. */
    public java.util.Set<String> labelsOf(Rule rule) {
        java.util.Set<String> labels = new java.util.LinkedHashSet<>(rule.labels());
        rule.then().forEach(f -> labels.addAll(tagsOf(f.code(), f.who())));
        return labels;
    }

    /** Whether a selector picks a finding of this code naming these people: by code, tag or effect, and by who. */
    public boolean selects(Invariant.Selector s, String code, List<String> who) {
        boolean what = s.code().map(c -> c.equals(code)).orElse(false)
                || s.tag().map(tag -> tagsOf(code, who).contains(tag)).orElse(false)
                || s.effect().map(m -> m.matches(effectsOf(code, who))).orElse(false);
        return what && s.who().map(who::contains).orElse(true);
    }

    /** Without acknowledgements (the shape before {@code acknowledge:} existed). */
    public GuideModel(String id, String title, Optional<String> municipality, String version,
                      Optional<String> extendsId, Optional<String> sourceTitle, Optional<String> sourceUrl,
                      Optional<LocalDate> retrieved, Map<String, Parameter> parameters, List<Level> levels,
                      List<Step> steps, List<Tool> tools, Map<String, String> codes, Map<String, String> signals,
                      Map<String, String> services, List<Rule> rules, List<String> files, Location at) {
        this(id, title, municipality, version, extendsId, sourceTitle, sourceUrl, retrieved, parameters, levels, steps, tools,
                codes, signals, services, rules, files, at, List.of(), Map.of(), List.of(), List.of(), List.of(), Map.of(), Map.of(), Map.of());
    }
}
