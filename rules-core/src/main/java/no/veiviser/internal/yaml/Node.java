package no.veiviser.internal.yaml;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A YAML or JSON value that remembers where it was written. Immutable once read. */
public sealed interface Node permits Node.MapNode, Node.ListNode, Node.ScalarNode {

    Location at();

    /** What a user would call this kind of value in an error message. */
    String kind();

    /** A key of a mapping, with the location of the key itself (for "unknown key" errors). */
    record Entry(String key, Location keyAt, Node value) {}

    record MapNode(Location at, Map<String, Entry> entries) implements Node {
        public MapNode {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        public Node get(String key) {
            Entry e = entries.get(key);
            return e == null ? null : e.value();
        }

        public boolean has(String key) {
            return entries.containsKey(key);
        }

        @Override
        public String kind() {
            return "a mapping";
        }
    }

    record ListNode(Location at, List<Node> items) implements Node {
        public ListNode {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }

    /** A scalar keeps its source text; {@code type} is what the parser saw (so 2026.10 stays "2026.10"). */
    record ScalarNode(Location at, Type type, String text) implements Node {
        public enum Type { STRING, INTEGER, DECIMAL, BOOLEAN, NULL }

        public boolean isNull() {
            return type == Type.NULL;
        }

        @Override
        public String kind() {
            return switch (type) {
                case STRING -> "a text";
                case INTEGER -> "a whole number";
                case DECIMAL -> "a decimal number";
                case BOOLEAN -> "true/false";
                case NULL -> "empty (null)";
            };
        }
    }
}
