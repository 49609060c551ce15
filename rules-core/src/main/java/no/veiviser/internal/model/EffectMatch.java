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

/**
 * Which findings an exception withholds or an invariant selects by their effects: every key given must hold (a
 * list: any of its values), and a finding that {@code unless} also matches is left out. Written
 * {@code {effect: {contacts: guardians}, unless: {phase: [acute, duty]}}}.
 */
public record EffectMatch(Map<String, Set<String>> require, Map<String, Set<String>> unless, Location at) {
    public EffectMatch {
        require = Map.copyOf(require);
        unless = Map.copyOf(unless);
    }

    public boolean matches(Effects e) {
        return e != null && all(require, e) && (unless.isEmpty() || !all(unless, e));
    }

    private static boolean all(Map<String, Set<String>> keys, Effects e) {
        for (var k : keys.entrySet()) {
            if (java.util.Collections.disjoint(e.values(k.getKey()), k.getValue())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "effect " + text(require) + (unless.isEmpty() ? "" : " unless " + text(unless));
    }

    private static String text(Map<String, Set<String>> keys) {
        List<String> parts = new ArrayList<>();
        for (String k : Effects.KEYS) {
            if (keys.containsKey(k)) {
                parts.add(k + ": " + String.join("|", new java.util.TreeSet<>(keys.get(k))));
            }
        }
        return "{" + String.join(", ", parts) + "}";
    }

    /** Reads {@code effect:} (and {@code unless:}) of a target or selector map. */
    static Optional<EffectMatch> read(Node.MapNode m, Fields fields) {
        Map<String, Set<String>> require = keys(m.get("effect"), "'effect'", fields);
        Map<String, Set<String>> unless = m.has("unless") ? keys(m.get("unless"), "'unless'", fields) : Map.of();
        if (require == null || unless == null) {
            return Optional.empty();
        }
        if (require.isEmpty()) {
            fields.problems().error(m.get("effect").at(), "'effect' needs at least one of " + String.join(", ", Effects.KEYS),
                    "write for example {effect: {contacts: guardians}}");
            return Optional.empty();
        }
        return Optional.of(new EffectMatch(require, unless, m.at()));
    }

    private static Map<String, Set<String>> keys(Node node, String what, Fields fields) {
        Node.MapNode m = fields.map(node, what);
        if (m == null) {
            return null;
        }
        fields.onlyKeys(m, what, Effects.KEYS);
        Map<String, Set<String>> out = new java.util.LinkedHashMap<>();
        for (Node.Entry e : m.entries().values()) {
            List<String> allowed = switch (e.key()) {
                case "contacts" -> Effects.CONTACTS.subList(0, Effects.CONTACTS.size() - 2);
                case "shares" -> List.of("true", "false");
                case "consent" -> Effects.CONSENT_KINDS;
                case "for" -> Effects.FOR;
                case "phase" -> Effects.PHASES;
                default -> null;
            };
            if (allowed == null) {
                continue;
            }
            List<Node> items = e.value() instanceof Node.ListNode l ? l.items() : List.of(e.value());
            Set<String> values = new LinkedHashSet<>();
            for (Node item : items) {
                fields.code(item, "'" + e.key() + "'", Set.copyOf(allowed)).ifPresent(values::add);
            }
            if (values.size() == items.size() && !values.isEmpty()) {
                out.put(e.key(), values);
            } else if (items.isEmpty()) {
                fields.problems().error(e.value().at(), "'" + e.key() + "' names no value", Hints.didYouMean("", allowed));
                return null;
            } else {
                return null;
            }
        }
        return out;
    }
}
