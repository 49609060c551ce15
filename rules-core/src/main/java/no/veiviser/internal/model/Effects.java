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
 *                 stands for those the finding's own {@code who} names (a consent finding asks the people it names)
 * @param shares   whether it passes information about the child outside the employee's own service
 * @param consent  the consent kinds it presupposes ({@link #CONSENT_KINDS})
 * @param forWhom  for whom it is: {@code minor}, {@code adult} (an adult client of the adult services) or {@code anyone}
 * @param phase    acute (act today), duty (a legal duty of the employee's own, such as the duty to report), ordinary
 *                 work, forward (moves the case on), ending (ends a part of the work, such as the stafettlogg, without
 *                 closing the case), step-down, closing
 */
public record Effects(Set<String> contacts, boolean shares, Set<String> consent, String forWhom, String phase, Location at) {
    public static final List<String> CONTACTS = List.of("guardians", "child", "services", "child-welfare", "police", "leader",
            "adult-client", "who");
    public static final List<String> CONSENT_KINDS = List.of("cooperation", "stafettlogg", "individualPlan");
    public static final List<String> FOR = List.of("minor", "adult", "anyone");
    public static final List<String> PHASES = List.of("acute", "duty", "ordinary", "forward", "ending", "step-down", "closing");
    /** The keys of {@code effects:}, all required: a code's meaning is never left to a default. */
    public static final List<String> KEYS = List.of("contacts", "shares", "consent", "for", "phase");
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
     * concerns the guardians and the child (a consent finding without {@code who} asks whoever must consent).
     */
    public Effects resolve(List<String> who) {
        if (!contacts.contains("who")) {
            return this;
        }
        Set<String> resolved = new LinkedHashSet<>(contacts);
        resolved.remove("who");
        if (who.isEmpty()) { // names nobody: it concerns whoever it asks at the child's age, the guardians among them
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
        return new Effects(resolved, shares, consent, forWhom, phase, at);
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
        fields.onlyKeys(m, where, KEYS);
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
        return Optional.of(new Effects(contacts, shares.get(), consent, forWhom.get(), phase.get(), m.at()));
    }

    static String hint(String key) {
        return switch (key) {
            case "contacts" -> "whom it has the employee contact, tell, ask or work with: a list of " + String.join(", ", CONTACTS)
                    + " ([] for nobody; 'who' for those the finding's who names)";
            case "shares" -> "true when it passes information about the child outside the employee's own service, else false";
            case "consent" -> "the consent kinds it presupposes: a list of " + String.join(", ", CONSENT_KINDS) + " ([] for none)";
            case "for" -> "for whom it is: " + String.join(", ", FOR);
            default -> "its phase: " + String.join(", ", PHASES);
        };
    }

    private static Set<String> codes(Node node, String what, List<String> allowed, Fields fields) {
        return new LinkedHashSet<>(fields.listOf(node, what, n -> fields.code(n, what, Set.copyOf(allowed))));
    }

    /** Problems of the effects declared on a guide's codes: reported once where the code is declared. */
    static void requireFor(GuideModel guide, Problems problems) {
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
