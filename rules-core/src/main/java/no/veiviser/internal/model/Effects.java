package no.veiviser.internal.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.veiviser.internal.yaml.Fields;
import no.veiviser.internal.yaml.Hints;
import no.veiviser.internal.yaml.Location;
import no.veiviser.internal.yaml.Node;
import no.veiviser.internal.yaml.Problems;

/**
 * What a finding of a code makes the employee do, in the closed vocabulary that the national exceptions and
 * invariants speak of ({@code codes: {x: {label: ..., effects: {...}}}}). Every code a rule gives declares it, so an
 * exception stated once over effects ("suspected violence withholds every finding that involves the guardians")
 * reaches every code, a municipality's new codes included, by construction rather than by an optional tag.
 *
 * @param contacts whom the finding has the employee contact, tell, ask or work with ({@link #CONTACTS}); {@code who}
 *                 stands for those the finding's own {@code who} names (none when it names nobody), and
 *                 {@code whoever-consents} for those it names or, when it names nobody, whoever must consent at the
 *                 child's age (the guardians and the child)
 * @param shares   whether it passes information about the child outside the employee's own service
 * @param consent  the consent kinds it presupposes ({@link #CONSENT_KINDS})
 * @param forWhom  for whom it is: {@code minor}, {@code adult} (an adult client of the adult services) or {@code anyone}
 * @param phase    acute (act today), duty (a legal duty of the employee's own, such as the duty to report), ordinary
 *                 work, forward (moves the case on), ending (ends a part of the work, such as the stafettlogg, without
 *                 closing the case), step-down, closing
 * @param acknowledged why the code's texts may name people or consent its effects do not declare ({@code acknowledge:}),
 *                 checked by {@link EffectsText}
 */
public record Effects(Set<String> contacts, boolean shares, Set<String> consent, String forWhom, String phase,
                      Optional<String> acknowledged, Location at) {
    public static final List<String> CONTACTS = List.of("guardians", "child", "services", "child-welfare", "police", "leader",
            "adult-client", "who", "whoever-consents");
    public static final List<String> CONSENT_KINDS = List.of("cooperation", "stafettlogg", "individualPlan");
    public static final List<String> FOR = List.of("minor", "adult", "anyone");
    public static final List<String> PHASES = List.of("acute", "duty", "ordinary", "forward", "ending", "step-down", "closing");
    /** The keys of {@code effects:}, all required: a code's meaning is never left to a default. */
    public static final List<String> KEYS = List.of("contacts", "shares", "consent", "for", "phase");
    /** What {@code effects:} may also hold: the author's reason why the text check does not apply to the code. */
    static final String ACKNOWLEDGE = "acknowledge";
    /** Tags the engine derives from effects; a guide cannot give them by hand (they would disagree with the effects). */
    public static final Map<String, String> DERIVED_TAGS = Map.of(
            "tells-guardians", "contacts: [guardians]",
            "moves-forward", "phase: forward",
            "step-down", "phase: step-down",
            "closing", "phase: closing",
            "child-welfare-report", "phase: duty, or contacts: [child-welfare] with for: minor");

    public Effects {
        contacts = Set.copyOf(contacts);
        consent = Set.copyOf(consent);
    }

    /**
     * The effects of one finding: {@code who} in {@code contacts} becomes those its {@code who} names (guardians; the
     * child or youth; a leader; child welfare, the police, or another service by its id); a finding that names nobody
     * contacts nobody by it, but by {@code whoever-consents} the guardians and the child.
     */
    public Effects resolve(List<String> who) {
        if (!contacts.contains("who") && !contacts.contains("whoever-consents")) {
            return this;
        }
        Set<String> resolved = new LinkedHashSet<>(contacts);
        resolved.remove("who");
        if (resolved.remove("whoever-consents") && who.isEmpty()) {
            // A consent finding that names nobody asks whoever must consent at the child's age (the national consent
            // rules say who); read as the guardians and the child, so no exception about the guardians passes it by.
            resolved.add("guardians");
            resolved.add("child");
        }
        for (String w : who) {
            switch (w) {
                case "guardians", "leader" -> resolved.add(w);
                case "child", "youth" -> resolved.add("child");
                case "employee" -> { }
                case "child-welfare", "police" -> resolved.add(w);
                default -> resolved.add("services");
            }
        }
        return new Effects(resolved, shares, consent, forWhom, phase, acknowledged, at);
    }

    /** The tags these effects stand for, so invariants and exceptions written with the old tags keep their meaning. */
    public Set<String> derivedTags() {
        Set<String> tags = new LinkedHashSet<>();
        if (contacts.contains("guardians")) {
            tags.add("tells-guardians");
        }
        switch (phase) {
            case "forward" -> tags.add("moves-forward");
            case "step-down" -> tags.add("step-down");
            case "closing" -> tags.add("closing");
            default -> { }
        }
        if (phase.equals("duty") || (contacts.contains("child-welfare") && forWhom.equals("minor"))) {
            tags.add("child-welfare-report");
        }
        return tags;
    }

    /** The values of one key, as text, for matching. */
    Set<String> values(String key) {
        return switch (key) {
            case "contacts" -> contacts;
            case "shares" -> Set.of(String.valueOf(shares));
            case "consent" -> consent;
            case "for" -> Set.of(forWhom);
            default -> Set.of(phase);
        };
    }

    /** {@code effects: {contacts: [...], shares: ..., consent: [...], for: ..., phase: ...}}, every key required. */
    static Optional<Effects> read(Node node, String code, Fields fields) {
        Node.MapNode m = fields.map(node, "the effects of code '" + code + "'");
        if (m == null) {
            return Optional.empty();
        }
        String where = "the effects of code '" + code + "'";
        List<String> allowed = new ArrayList<>(KEYS);
        allowed.add(ACKNOWLEDGE);
        fields.onlyKeys(m, where, allowed);
        boolean complete = true;
        for (String key : KEYS) {
            if (!m.has(key)) {
                fields.problems().error(m.at(), where + " lack '" + key + "'", hint(key));
                complete = false;
            }
        }
        Set<String> contacts = m.has("contacts") ? codes(m.get("contacts"), "'contacts'", CONTACTS, fields) : Set.of();
        Optional<Boolean> shares = m.has("shares") ? fields.bool(m.get("shares"), "'shares'") : Optional.empty();
        Set<String> consent = m.has("consent") ? codes(m.get("consent"), "'consent'", CONSENT_KINDS, fields) : Set.of();
        Optional<String> forWhom = m.has("for") ? fields.code(m.get("for"), "'for'", Set.copyOf(FOR)) : Optional.empty();
        Optional<String> phase = m.has("phase") ? fields.code(m.get("phase"), "'phase'", Set.copyOf(PHASES)) : Optional.empty();
        if (!complete || shares.isEmpty() || forWhom.isEmpty() || phase.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> acknowledged = m.has(ACKNOWLEDGE) ? fields.text(m.get(ACKNOWLEDGE), "'acknowledge'") : Optional.empty();
        return Optional.of(new Effects(contacts, shares.get(), consent, forWhom.get(), phase.get(), acknowledged, m.at()));
    }

    static String hint(String key) {
        return switch (key) {
            case "contacts" -> "whom it has the employee contact, tell, ask or work with: a list of " + String.join(", ", CONTACTS)
                    + " ([] for nobody; 'who' for those the finding's who names; 'whoever-consents' for those, or whoever must consent)";
            case "shares" -> "true when it passes information about the child outside the employee's own service, else false";
            case "consent" -> "the consent kinds it presupposes: a list of " + String.join(", ", CONSENT_KINDS) + " ([] for none)";
            case "for" -> "for whom it is: " + String.join(", ", FOR);
            default -> "its phase: " + String.join(", ", PHASES);
        };
    }

    private static Set<String> codes(Node node, String what, List<String> allowed, Fields fields) {
        return new LinkedHashSet<>(fields.listOf(node, what, n -> fields.code(n, what, Set.copyOf(allowed))));
    }

    /**
     * Whether the guide reads effects anywhere: an exception, a rule's {@code exceptionTo} or an invariant selects
     * findings by effect (every guide extending norge does). Then a code without effects would be silently passed
     * over by them, so every code a rule gives must declare its effects. A guide that reads no effects (a small
     * standalone guide) may declare them, and the text check holds for those it declares.
     */
    static boolean read(GuideModel guide) {
        for (RuleException e : guide.exceptions()) {
            if (e.withholds().stream().anyMatch(t -> t.kind() == Target.Kind.EFFECT)) {
                return true;
            }
        }
        for (Rule r : guide.rules()) {
            if (r.exceptionTo().stream().anyMatch(t -> t.kind() == Target.Kind.EFFECT)) {
                return true;
            }
        }
        return guide.invariants().stream().flatMap(i -> i.selectors().stream()).anyMatch(s -> s.effect().isPresent());
    }

    /** Every code a rule gives declares its effects, where the guide reads effects: else a located error at its first use. */
    static void requireFor(GuideModel guide, Problems problems) {
        if (!read(guide)) {
            return;
        }
        Set<String> used = new LinkedHashSet<>();
        Map<String, Location> firstUse = new java.util.LinkedHashMap<>();
        for (Rule r : guide.rules()) {
            for (FindingTemplate t : r.then()) {
                used.add(t.code());
                firstUse.putIfAbsent(t.code(), t.at());
            }
        }
        for (String code : used) {
            if (guide.codes().containsKey(code) && !guide.effects().containsKey(code)) {
                problems.error(firstUse.get(code), "code '" + code + "' declares no effects",
                        "declare what it makes the employee do under 'codes:': " + code
                                + ": {label: ..., effects: {contacts: [...], shares: ..., consent: [...], for: ..., phase: ...}}");
            }
        }
    }
}
