package no.veiviser.internal.yaml;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML or JSON into a {@link Node} tree that keeps line and column for every value.
 *
 * <p>Input files are data written by people we do not control, so the reader refuses, with a located
 * error, anything that could make it slow or large: files over {@link Limits#maxBytes}, scalars over
 * {@link Limits#maxScalarChars}, nesting deeper than {@link Limits#maxDepth}, more than
 * {@link Limits#maxNodes} values, and YAML anchors, aliases and tags (aliases are how "billion laughs"
 * bombs grow; tags are how YAML loaders are tricked into building objects). Nothing read here is ever
 * turned into an object by type name: it stays a tree of strings and numbers.
 */
public final class NodeReader {

    /** Size limits. Guides and cases are small: these are generous for them and small for an attack. */
    public record Limits(long maxBytes, int maxScalarChars, int maxDepth, int maxNodes) {
        public static final Limits GUIDE = new Limits(2L << 20, 20_000, 40, 200_000);
        public static final Limits CASE = new Limits(256L << 10, 2_000, 20, 10_000);
    }

    /** The tree, or null when the text could not be read; and the problems met on the way. */
    public record Result(Node root, List<no.veiviser.Problem> problems) {}

    private static final YAMLFactory YAML = YAMLFactory.builder()
            .loaderOptions(loaderOptions())
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(1 << 20).maxNestingDepth(200).build())
            .build();
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(1 << 20).maxNestingDepth(200).build())
            .build();

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // we report duplicates ourselves, with both locations
        options.setMaxAliasesForCollections(0);
        options.setNestingDepthLimit(200);
        options.setCodePointLimit(4 << 20);
        return options;
    }

    private final Limits limits;
    private final Problems problems = new Problems();
    private String file;
    private int nodes;

    private NodeReader(Limits limits) {
        this.limits = limits;
    }

    /**
     * Reads a file; JSON when its name ends in {@code .json}, otherwise YAML (a superset of JSON). The file is read
     * once, and refused if it changed under the read or is not a regular file (see {@link StableFile}).
     */
    public static Result read(Path path, String displayName, Limits limits) {
        NodeReader reader = new NodeReader(limits);
        reader.file = displayName;
        try {
            StableFile.Read read = StableFile.read(path, limits.maxBytes());
            if (!read.ok()) {
                reader.problems.error(new Location(displayName, 1, 1), read.problem(), read.hint());
                return new Result(null, reader.problems.sorted());
            }
            return reader.parse(read.bytes(), displayName.endsWith(".json"));
        } catch (IOException e) {
            reader.problems.error(Location.unknown(displayName), "cannot read the file: " + e.getMessage(),
                    "check that the path exists and is readable");
            return new Result(null, reader.problems.sorted());
        }
    }

    /** Reads a stream (for example standard input), stopping as soon as it exceeds the size limit. */
    public static Result read(InputStream in, String displayName, Limits limits) {
        NodeReader reader = new NodeReader(limits);
        reader.file = displayName;
        try {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBytes() + 1));
            if (bytes.length > limits.maxBytes()) {
                reader.problems.error(new Location(displayName, 1, 1), "the input is larger than the limit of "
                        + humanSize(limits.maxBytes()), "check that it is the right input");
                return new Result(null, reader.problems.sorted());
            }
            return reader.parse(bytes, false);
        } catch (IOException e) {
            reader.problems.error(Location.unknown(displayName), "cannot read the input: " + e.getMessage(), null);
            return new Result(null, reader.problems.sorted());
        }
    }

    /** Reads text held in memory. */
    public static Result read(String text, String displayName, Limits limits) {
        NodeReader reader = new NodeReader(limits);
        reader.file = displayName;
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > limits.maxBytes()) {
            reader.problems.error(new Location(displayName, 1, 1), "the text is " + humanSize(bytes.length)
                    + "; the limit is " + humanSize(limits.maxBytes()), null);
            return new Result(null, reader.problems.sorted());
        }
        return reader.parse(bytes, displayName.endsWith(".json"));
    }

    private Result parse(byte[] bytes, boolean json) {
        if (tooLongLine(bytes)) {
            return new Result(null, problems.sorted());
        }
        if (!json) {
            scalarAnchors(bytes);
        }
        try (JsonParser parser = json ? JSON.createParser(bytes) : YAML.createParser(bytes)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.error(new Location(file, 1, 1), "the file is empty", "write a mapping at the top level");
                return new Result(null, problems.sorted());
            }
            Node root = readValue(parser, 1);
            if (root != null && parser.nextToken() != null) {
                problems.error(location(parser), "only one document is allowed per file",
                        "remove the second '---' document");
            }
            return new Result(problems.hasErrors() ? null : root, problems.sorted());
        } catch (TooLarge e) {
            return new Result(null, problems.sorted());
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
                // SnakeYAML knows where the problem is and what it is; Jackson's message is only the context.
                Mark mark = marked.getProblemMark();
                String context = marked.getContext() == null ? "" : " (" + marked.getContext()
                        + (marked.getContextMark() == null ? "" : " started at line " + (marked.getContextMark().getLine() + 1)) + ")";
                Location at = new Location(file, mark.getLine() + 1, mark.getColumn() + 1);
                String indentation = indentationProblem(marked);
                if (indentation != null) {
                    problems.error(at, "not valid YAML: " + indentation,
                            "indent each level by the same number of spaces as the lines beside it (the bundled guides use two), "
                                    + "and line up a '- ' item with the other items of its list");
                } else if ("mapping values are not allowed here".equals(marked.getProblem())) {
                    // most often a text with ': ' in it ("Merk: ..."), which YAML reads as a key and a value
                    problems.error(at, "not valid YAML: " + cleanMessage(marked.getProblem()) + context,
                            MAPPING_VALUES_HINT);
                } else {
                    problems.error(at, "not valid YAML: " + cleanMessage(marked.getProblem()) + context,
                            "check indentation (spaces, not tabs), colons and quotes");
                }
                return new Result(null, problems.sorted());
            }
            JsonLocation loc = e.getLocation();
            Location at = loc == null ? new Location(file, 1, 1)
                    : new Location(file, Math.max(1, loc.getLineNr()), Math.max(1, loc.getColumnNr()));
            problems.error(at, "not valid " + (json ? "JSON" : "YAML") + ": " + cleanMessage(e.getOriginalMessage()),
                    json ? "check quotes, commas and brackets" : "check indentation, colons and quotes");
            return new Result(null, problems.sorted());
        } catch (IOException e) {
            problems.error(Location.unknown(file), "cannot read: " + e.getMessage(), null);
            return new Result(null, problems.sorted());
        }
    }

    /**
     * Refuses a line far longer than any value may be before the YAML parser sees it: scanning a huge scalar
     * takes the parser hundreds of milliseconds, this takes microseconds. Room is left for the key and indentation.
     */
    private boolean tooLongLine(byte[] bytes) {
        int allowed = limits.maxScalarChars() + 200;
        int line = 1;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                if (i - start > allowed && longestValue(bytes, start, i) > allowed) {
                    problems.error(new Location(file, line, 1), "line " + line + " has " + (i - start)
                            + " characters; a value may have at most " + limits.maxScalarChars(),
                            shortenHint());
                    return true;
                }
                line++;
                start = i + 1;
            }
        }
        return false;
    }

    /**
     * The longest stretch of a line without a JSON/flow separator ({@code , : { } [ ]}): a minified JSON case has many
     * short values on one long line, and only one long value is what the line check guards against (a separator inside
     * a quoted value makes it look shorter here; the value limit after parsing still applies to it).
     */
    private static int longestValue(byte[] bytes, int from, int to) {
        int longest = 0;
        int run = 0;
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            run = b == ',' || b == ':' || b == '{' || b == '}' || b == '[' || b == ']' ? 0 : run + 1;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    /**
     * Anchors on single values ({@code title: &t Text}): Jackson reports anchors on mappings and lists only, so these are
     * found with SnakeYAML's own events. Only when the text has an {@code &} at all; a text that is not valid YAML is
     * left to the parse that follows, which says where.
     */
    private void scalarAnchors(byte[] bytes) {
        if (indexOf(bytes, (byte) '&') < 0) {
            return;
        }
        try {
            for (org.yaml.snakeyaml.events.Event e : new org.yaml.snakeyaml.Yaml(loaderOptions())
                    .parse(new java.io.InputStreamReader(new java.io.ByteArrayInputStream(bytes), StandardCharsets.UTF_8))) {
                if (e instanceof org.yaml.snakeyaml.events.ScalarEvent scalar && scalar.getAnchor() != null) {
                    Mark at = scalar.getStartMark();
                    problems.error(new Location(file, at.getLine() + 1, at.getColumn() + 1),
                            "YAML anchors (&" + scalar.getAnchor() + ") are not allowed", "remove the anchor");
                }
            }
        } catch (RuntimeException e) {
            // not valid YAML, or over a limit: the parse that follows reports it with its place
        }
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Thrown to stop reading at once after a limit is hit; the problem is already recorded. */
    private static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super(null, null, false, false);
        }
    }

    private Node readValue(JsonParser parser, int depth) throws IOException {
        Location at = location(parser);
        if (++nodes > limits.maxNodes()) {
            problems.error(at, "the file has more than " + limits.maxNodes() + " values", "check that it is the right file");
            throw new TooLarge();
        }
        if (depth > limits.maxDepth()) {
            problems.error(at, "nesting is deeper than " + limits.maxDepth() + " levels", "flatten the structure");
            throw new TooLarge();
        }
        if (parser instanceof YAMLParser yaml) {
            if (yaml.isCurrentAlias()) {
                problems.error(at, "YAML aliases (*" + yaml.getText() + ") are not allowed",
                        "write the value out in full; aliases can make a small file expand without limit");
                throw new TooLarge();
            }
            if (yaml.getObjectId() != null) {
                problems.error(at, "YAML anchors (&" + yaml.getObjectId() + ") are not allowed", "remove the anchor");
            }
            if (yaml.getTypeId() != null) {
                problems.error(at, "YAML tags (" + yaml.getTypeId() + ") are not allowed",
                        "remove the tag; values are plain text, numbers and true/false");
            }
        }
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT: {
                Map<String, Node.Entry> entries = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    Location keyAt = location(parser);
                    parser.nextToken();
                    Node value = readValue(parser, depth + 1);
                    Node.Entry previous = entries.get(key);
                    if (previous != null) {
                        problems.error(keyAt, "duplicate key '" + key + "' (first written at line "
                                + previous.keyAt().line() + ")", "keep one of them");
                    } else {
                        entries.put(key, new Node.Entry(key, keyAt, value));
                    }
                }
                return new Node.MapNode(at, entries);
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(parser, depth + 1));
                }
                return new Node.ListNode(at, items);
            }
            case VALUE_STRING:
                return scalar(at, Node.ScalarNode.Type.STRING, parser.getText());
            case VALUE_NUMBER_INT:
                return scalar(at, Node.ScalarNode.Type.INTEGER, parser.getText());
            case VALUE_NUMBER_FLOAT:
                return scalar(at, Node.ScalarNode.Type.DECIMAL, parser.getText());
            case VALUE_TRUE:
            case VALUE_FALSE:
                return scalar(at, Node.ScalarNode.Type.BOOLEAN, parser.getText()); // as written: yes/no stay yes/no
            case VALUE_NULL:
                return scalar(at, Node.ScalarNode.Type.NULL, "");
            default:
                problems.error(at, "unexpected " + token, null);
                return scalar(at, Node.ScalarNode.Type.NULL, "");
        }
    }

    private Node scalar(Location at, Node.ScalarNode.Type type, String text) {
        if (text.length() > limits.maxScalarChars()) {
            problems.error(at, "a value of " + text.length() + " characters is longer than the limit of "
                    + limits.maxScalarChars(), shortenHint());
            return new Node.ScalarNode(at, type, text.substring(0, 40));
        }
        return new Node.ScalarNode(at, type, text);
    }

    /** Guide texts quote their guide; a case's values are dates, codes and numbers. */
    private String shortenHint() {
        return limits.equals(Limits.CASE) ? "a case holds dates, codes, numbers and true/false; check that it is the right input"
                : "shorten it; quote only the 1-3 sentences that matter";
    }

    private Location location(JsonParser parser) {
        JsonLocation loc = parser.currentTokenLocation();
        return new Location(file, Math.max(1, loc.getLineNr()), Math.max(1, loc.getColumnNr()));
    }

    /** The hint for "mapping values are not allowed here": most often an unquoted text with ': ' in it. */
    static final String MAPPING_VALUES_HINT = "YAML reads ': ' as a key and its value: put a text that contains ': ' in quotes "
            + "(text: \"Merk: dette er viktig.\"), write a mapping inside a value in braces ({concern.signals: violence-suspected}), "
            + "or check the indentation";

    private static final java.util.regex.Pattern BLOCK_END = java.util.regex.Pattern.compile("expected <block end>, but found '([^']*)'");

    /**
     * SnakeYAML's "expected &lt;block end&gt;, but found '-'" in words: a line indented differently from the block
     * it belongs to (four spaces where the lines above have two, a list item out of line). Null for other problems.
     */
    private static String indentationProblem(MarkedYAMLException marked) {
        var m = BLOCK_END.matcher(marked.getProblem() == null ? "" : marked.getProblem());
        if (!m.find()) {
            return null;
        }
        String found = switch (m.group(1)) {
            case "-", "<block sequence start>" -> "a list item ('-')";
            case "<block mapping start>", "?" -> "a key";
            default -> "a value";
        };
        String started = marked.getContextMark() == null ? ""
                : " that starts at line " + (marked.getContextMark().getLine() + 1);
        return "the indentation does not fit: " + found + " here is indented differently from the block" + started;
    }

    private static String cleanMessage(String message) {
        if (message == null) {
            return "unreadable input";
        }
        String firstLine = message.strip().split("\n", 2)[0];
        return firstLine.length() > 200 ? firstLine.substring(0, 200) + "…" : firstLine;
    }

    static String humanSize(long bytes) {
        if (bytes >= 1 << 20) {
            return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (double) (1 << 20));
        }
        if (bytes >= 1 << 10) {
            return String.format(java.util.Locale.ROOT, "%.1f KiB", bytes / (double) (1 << 10));
        }
        return bytes + " bytes";
    }
}
