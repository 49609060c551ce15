package no.veiviser.internal.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import no.veiviser.internal.engine.Condition;
import no.veiviser.internal.engine.Condition.Op;
import no.veiviser.internal.engine.Field;
import no.veiviser.internal.engine.Operand;
import no.veiviser.internal.yaml.Fields;
import no.veiviser.internal.yaml.Hints;
import no.veiviser.internal.yaml.Node;
import no.veiviser.internal.yaml.Problems;

/**
 * Parses a rule's {@code when} against the merged guide: every field must be in the case vocabulary,
 * every code in its catalogue, every parameter declared with a fitting unit. The language:
 *
 * <pre>
 * when:
 *   all:                                   # also any: [...], not: {...}, always: true
 *     - concern.signals: {containsAny: [violence-suspected, sexual-abuse-suspected]}
 *     - child.age: {gte: {param: youth-consent-age}}
 *     - consent.guardians: refused         # a plain value means equals
 *     - concern.since: {daysSince: {gte: {param: involve-guardians-within}}}
 *     - concept: minor                     # a named concept of the guide
 *     - child.age: {lt: 16, ifMissing: true}  # a stated presumption when the case leaves the field out
 *     - childWelfare.informedOn: {onOrAfter: {field: concern.since}, ifMissing: false}  # two dates in calendar order
 * </pre>
 *
 * Several keys in one mapping must all hold.
 */
public final class ConditionParser {
    private static final Set<String> LOGICAL = Set.of("all", "any", "not", "always", "concept", "kind");

    /** The kinds of consent a concept can be read for; the first is what {@code consent.guardians} etc. mean. */
    public static final List<String> CONSENT_KINDS = List.of("cooperation", "stafettlogg", "individualPlan");

    /** Finds a concept's parsed condition by id; null, with a located problem, when it is unknown or cyclic. */
    public interface Concepts {
        Condition resolve(String id, no.veiviser.internal.yaml.Location at);

        /**
         * The concept read for one kind of consent: its tests on {@code consent.guardians}, {@code consent.youth} and
         * {@code consent.written} read that kind's answers ({@code consent.stafettlogg.guardians} ...).
         */
        default Condition resolve(String id, no.veiviser.internal.yaml.Location at, String kind) {
            return resolve(id, at);
        }
    }

    /** While a concept is parsed for a kind of consent other than cooperation: that kind; else null. */
    private String consentKind;

    /** Parses {@code node} reading the consent fields as those of {@code kind} (see {@link Concepts#resolve(String, no.veiviser.internal.yaml.Location, String)}). */
    public Condition parseForKind(Node node, String kind) {
        String outer = consentKind;
        consentKind = "cooperation".equals(kind) ? null : kind;
        try {
            return parse(node);
        } finally {
            consentKind = outer;
        }
    }

    /** The kind a nested concept is read for: the one being parsed, or cooperation. */
    public String consentKind() {
        return consentKind == null ? "cooperation" : consentKind;
    }

    private final Fields fields;
    private final Problems problems;
    private final GuideModel guide;
    private final Concepts concepts;

    public ConditionParser(Problems problems, GuideModel guide, Concepts concepts) {
        this.problems = problems;
        this.fields = new Fields(problems);
        this.guide = guide;
        this.concepts = concepts;
    }

    /** For a guide without concepts. */
    public ConditionParser(Problems problems, GuideModel guide) {
        this(problems, guide, (id, at) -> {
            problems.error(at, "unknown concept '" + id + "'", "declare it under 'concepts:'");
            return null;
        });
    }

    public Condition parse(Node node) {
        if (node == null) {
            return null;
        }
        if (node instanceof Node.ListNode list) {
            if (list.items().isEmpty()) {
                problems.error(list.at(), "an empty list of conditions", "write at least one condition, or 'always: true'");
            }
            return new Condition.All(node.at(), list.items().stream().map(this::parse).toList());
        }
        Node.MapNode map = fields.map(node, "a condition");
        if (map == null) {
            return new Condition.Always(node.at());
        }
        if (map.entries().isEmpty()) {
            problems.error(map.at(), "an empty condition", "write 'always: true' for a rule that always applies");
            return new Condition.Always(map.at());
        }
        List<Condition> parts = new ArrayList<>();
        Optional<String> kind = Optional.empty();
        if (map.has("kind")) {
            kind = fields.code(map.get("kind"), "kind of consent", new java.util.LinkedHashSet<>(CONSENT_KINDS));
            if (!map.has("concept")) {
                problems.error(map.entries().get("kind").keyAt(), "'kind' reads a concept for one kind of consent",
                        "write it beside the concept: {concept: consent-complete, kind: stafettlogg}");
            }
        }
        String conceptKind = kind.orElse(consentKind());
        for (Node.Entry e : map.entries().values()) {
            if (e.key().equals("kind")) {
                continue;
            }
            Condition c = switch (e.key()) {
                case "all", "any" -> {
                    Node.ListNode list = fields.list(e.value(), "'" + e.key() + "'");
                    if (list == null) {
                        yield null;
                    }
                    if (list.items().isEmpty()) {
                        problems.error(list.at(), "'" + e.key() + "' needs at least one condition", null);
                    }
                    List<Condition> items = list.items().stream().map(this::parse).toList();
                    yield e.key().equals("all") ? new Condition.All(e.keyAt(), items) : new Condition.Any(e.keyAt(), items);
                }
                case "not" -> new Condition.Not(e.keyAt(), parse(e.value()));
                case "concept" -> fields.id(e.value(), "a concept").map(id -> {
                    Condition body = conceptKind.equals("cooperation") ? concepts.resolve(id, e.value().at())
                            : concepts.resolve(id, e.value().at(), conceptKind);
                    return body == null ? null : (Condition) new Condition.ConceptRef(e.keyAt(), id,
                            conceptKind.equals("cooperation") ? null : conceptKind, body);
                }).orElse(null);
                case "always" -> {
                    if (!(e.value() instanceof Node.ScalarNode s && s.text().equals("true"))) {
                        problems.error(e.value().at(), "'always' takes only the value true", null);
                    }
                    yield new Condition.Always(e.keyAt());
                }
                default -> fieldTest(e);
            };
            if (c != null) {
                parts.add(c);
            }
        }
        return parts.size() == 1 ? parts.get(0) : new Condition.All(map.at(), parts);
    }

    private Condition fieldTest(Node.Entry entry) {
        Field field = Field.byPath(consentKind != null && CONSENT_FIELDS.contains(entry.key())
                ? "consent." + consentKind + entry.key().substring("consent".length()) : entry.key());
        if (field == null) {
            Set<String> known = new TreeSet<>(Field.paths());
            known.addAll(LOGICAL);
            problems.error(entry.keyAt(), "unknown case field '" + Fields.shorten(entry.key()) + "'",
                    Hints.didYouMean(entry.key(), known));
            return null;
        }
        Node value = entry.value();
        if (value instanceof Node.MapNode ops) {
            List<Condition> parts = new ArrayList<>();
            Optional<Boolean> ifMissing = Optional.empty();
            if (ops.entries().isEmpty()) {
                problems.error(ops.at(), "no test for " + field.path(), "write for example {eq: ...}");
            }
            for (Node.Entry op : ops.entries().values()) {
                if (op.key().equals("ifMissing")) {
                    if (!field.nullable()) {
                        problems.error(op.keyAt(), field.path() + switch (field.absent()) {
                            case ZERO -> " is never unknown: a case without it is on no level yet, read as level 0";
                            case NONE -> " is never unknown: a case without it has none, which equals no value";
                            default -> " always has a value";
                        } + ", so 'ifMissing' does not apply", "remove 'ifMissing'");
                    }
                    ifMissing = fields.bool(op.value(), "'ifMissing'");
                    continue;
                }
                Condition c = operator(field, op);
                if (c != null) {
                    parts.add(c);
                }
            }
            if (ifMissing.isPresent() && parts.isEmpty()) {
                problems.error(ops.at(), "'ifMissing' needs a test beside it", "write for example {lt: 16, ifMissing: true}");
            }
            Condition test = parts.size() == 1 ? parts.get(0) : new Condition.All(entry.keyAt(), parts);
            return ifMissing.isPresent() && field.nullable() ? new Condition.IfMissing(entry.keyAt(), test, ifMissing.get()) : test;
        }
        if (value instanceof Node.ListNode) {
            problems.error(value.at(), "a list needs an operator for " + field.path(),
                    field.type() == Field.Type.CODESET ? "write {containsAny: [...]} or {containsAll: [...]}" : "write {in: [...]}");
            return null;
        }
        // A plain value: equality, or 'contains' for a set of codes.
        if (field.type() == Field.Type.CODESET) {
            return code(field, value).map(c -> (Condition) new Condition.SetTest(entry.keyAt(), field, Condition.SetTest.Mode.ANY, List.of(c))).orElse(null);
        }
        return compare(entry.keyAt(), field, Op.EQ, value);
    }

    private Condition operator(Field field, Node.Entry op) {
        var at = op.keyAt();
        Node v = op.value();
        Field.Type type = field.type();
        switch (op.key()) {
            case "eq", "ne", "lt", "lte", "gt", "gte": {
                Op o = Op.valueOf(op.key().toUpperCase(java.util.Locale.ROOT));
                if (type == Field.Type.DATE || type == Field.Type.CODESET) {
                    return wrongOperator(at, field, op.key());
                }
                if (type != Field.Type.INT && o != Op.EQ && o != Op.NE) {
                    return wrongOperator(at, field, op.key());
                }
                if (isFieldRef(v)) {
                    return o == Op.EQ || o == Op.NE ? sameAs(at, field, (Node.MapNode) v, o == Op.NE, false)
                            : wrongOperator(at, field, op.key() + " with another field");
                }
                return compare(at, field, o, v);
            }
            case "in", "notIn": {
                if (type != Field.Type.ENUM && type != Field.Type.CODE && type != Field.Type.INT) {
                    return wrongOperator(at, field, op.key());
                }
                if (isFieldRef(v)) {
                    return sameAs(at, field, (Node.MapNode) v, op.key().equals("notIn"), true);
                }
                List<Object> values = new ArrayList<>();
                Node.ListNode list = fields.list(v, "'" + op.key() + "'");
                if (list != null) {
                    for (Node item : list.items()) {
                        if (field.isLevel()) {
                            level(item, field).ifPresent(o -> values.add(((Operand.Literal) o).value()));
                        } else if (type == Field.Type.INT) {
                            fields.integer(item, field.path(), 0, 1000).ifPresent(values::add);
                        } else if (field == Field.MEETING_OUTCOME) {
                            code(field, item).ifPresent(c -> guide.outcomesMeaning(c).stream().filter(x -> !values.contains(x)).forEach(values::add));
                        } else {
                            code(field, item).ifPresent(values::add);
                        }
                    }
                    if (list.items().isEmpty()) {
                        problems.error(list.at(), "'" + op.key() + "' needs at least one value", null);
                    }
                }
                return new Condition.Member(at, field, op.key().equals("notIn"), values);
            }
            case "contains", "containsAny", "containsAll", "containsNone": {
                if (type != Field.Type.CODESET) {
                    return wrongOperator(at, field, op.key());
                }
                List<String> codes = op.key().equals("contains")
                        ? code(field, v).map(List::of).orElse(List.of())
                        : fields.listOf(v, "'" + op.key() + "'", n -> code(field, n));
                if (!op.key().equals("contains") && v instanceof Node.ListNode l && l.items().isEmpty()) {
                    problems.error(l.at(), "'" + op.key() + "' needs at least one value", null);
                }
                var mode = switch (op.key()) {
                    case "containsAll" -> Condition.SetTest.Mode.ALL;
                    case "containsNone" -> Condition.SetTest.Mode.NONE;
                    default -> Condition.SetTest.Mode.ANY;
                };
                return new Condition.SetTest(at, field, mode, codes);
            }
            case "empty": {
                if (type != Field.Type.CODESET) {
                    return wrongOperator(at, field, op.key());
                }
                boolean empty = fields.bool(v, "'empty'").orElse(true);
                return new Condition.SetTest(at, field, empty ? Condition.SetTest.Mode.EMPTY : Condition.SetTest.Mode.NOT_EMPTY, List.of());
            }
            case "present": {
                if (type == Field.Type.BOOL || type == Field.Type.CODESET) {
                    return wrongOperator(at, field, op.key());
                }
                return new Condition.Present(at, field, fields.bool(v, "'present'").orElse(true));
            }
            case "count": {
                if (type != Field.Type.CODESET) {
                    return wrongOperator(at, field, op.key());
                }
                return count(at, field, v);
            }
            case "before", "onOrBefore", "after", "onOrAfter": {
                if (type != Field.Type.DATE) {
                    return wrongOperator(at, field, op.key());
                }
                return dateOrder(at, field, op.key(), v);
            }
            case "daysSince", "yearsSince": {
                if (type != Field.Type.DATE) {
                    return wrongOperator(at, field, op.key());
                }
                if (field.mayBeAhead()) {
                    problems.error(at, field.path() + " may lie after asOf, so it has no days or years since it",
                            "test it with {present: true}, or use it as a due date's anchor: due: {after: <parameter>, from: " + field.path() + "}");
                    return null;
                }
                boolean years = op.key().equals("yearsSince");
                Optional<Node.Entry> c = comparison(v, op.key());
                if (c.isEmpty()) {
                    return null;
                }
                Optional<Operand> operand = number(c.get().value(), years ? Set.of(Unit.YEARS) : Set.of(Unit.DAYS, Unit.WEEKS),
                        op.key() + " of " + field.path(), 0, 100_000);
                return operand.map(x -> (Condition) new Condition.Elapsed(at, field, years, comparisonOp(c.get()), x)).orElse(null);
            }
            default: {
                problems.error(at, "unknown operator '" + Fields.shorten(op.key()) + "' for " + field.path(),
                        Hints.didYouMean(op.key(), operatorsFor(type), "use one of: " + String.join(", ", operatorsFor(type))));
                return null;
            }
        }
    }

    private static final List<String> COMPARISONS = List.of("eq", "ne", "lt", "lte", "gt", "gte");

    /** {@code {field: reporter.service}}: the value of another case field, for a comparison between two fields. */
    /** The consent fields a concept read for another kind of consent reads as that kind's. */
    private static final Set<String> CONSENT_FIELDS = Set.of("consent.guardians", "consent.youth", "consent.written");

    private static boolean isFieldRef(Node v) {
        return v instanceof Node.MapNode m && m.has("field");
    }

    /** The field a {@code {field: path}} names; null, with a located problem, when it is not a case field. */
    private Field fieldRef(Node.MapNode ref) {
        fields.onlyKeys(ref, "a field reference", List.of("field"));
        Optional<String> path = fields.text(ref, "field");
        Field other = path.map(Field::byPath).orElse(null);
        if (path.isPresent() && other == null) {
            problems.error(ref.get("field").at(), "unknown case field '" + Fields.shorten(path.get()) + "'",
                    Hints.didYouMean(path.get(), new TreeSet<>(Field.paths())));
        }
        return other;
    }

    /**
     * {@code childWelfare.informedOn: {onOrAfter: {field: concern.since}}}: two dates of the case in calendar order
     * ({@code before}, {@code onOrBefore}, {@code after}, {@code onOrAfter}); unknown when either is not given.
     */
    private Condition dateOrder(no.veiviser.internal.yaml.Location at, Field field, String operator, Node v) {
        String example = "write for example " + field.path() + ": {" + operator + ": {field: "
                + (field == Field.CONCERN_SINCE ? Field.CHILD_WELFARE_INFORMED_ON : Field.CONCERN_SINCE).path() + "}}";
        if (!isFieldRef(v)) {
            problems.error(v.at(), "'" + operator + "' compares " + field.path() + " with another date field of the case", example);
            return null;
        }
        Field other = fieldRef((Node.MapNode) v);
        if (other == null) {
            return null;
        }
        if (other.type() != Field.Type.DATE || other == field) {
            problems.error(((Node.MapNode) v).get("field").at(), field.path() + " cannot be compared with " + other.path(),
                    "'" + operator + "' takes another date field: " + String.join(", ", Field.paths().stream()
                            .filter(pth -> Field.byPath(pth).type() == Field.Type.DATE && Field.byPath(pth) != field).toList()));
            return null;
        }
        Op op = switch (operator) {
            case "before" -> Op.LT;
            case "onOrBefore" -> Op.LTE;
            case "after" -> Op.GT;
            default -> Op.GTE;
        };
        return new Condition.DateOrder(at, field, op, other);
    }

    /** Whether two fields draw their values from the same codes (one catalogue, or one enum). */
    private static boolean sameValues(Field a, Field b) {
        return a.catalogue() != null ? a.catalogue() == b.catalogue() : !a.enumValues().isEmpty() && a.enumValues().equals(b.enumValues());
    }

    /**
     * {@code holder: {eq: {field: reporter.service}}} (two codes of one catalogue), or {@code reporter.service: {in:
     * {field: case.services}}} (a code in a set of codes of its catalogue).
     */
    private Condition sameAs(no.veiviser.internal.yaml.Location at, Field field, Node.MapNode ref, boolean negated, boolean inSet) {
        Field other = fieldRef(ref);
        if (other == null) {
            return null;
        }
        boolean fits = (field.type() == Field.Type.CODE || field.type() == Field.Type.ENUM) && sameValues(field, other)
                && (inSet ? other.type() == Field.Type.CODESET : other.type() == field.type() && other != field);
        if (!fits) {
            problems.error(ref.get("field").at(), field.path() + " cannot be compared with " + other.path(),
                    inSet ? "'in' takes a set of codes from the same catalogue, for example reporter.service: {in: {field: case.services}}"
                            : "compare two fields with codes from the same catalogue, for example stafettlogg.holder: {eq: {field: reporter.service}}");
            return null;
        }
        return new Condition.SameAs(at, field, other, negated);
    }

    /**
     * {@code count: {gte: 2}}, or with codes left out: {@code count: {gte: 1, except: [school, {field: reporter.service}]}}
     * (codes of the set's catalogue, and at most one field holding one of them).
     */
    private Condition count(no.veiviser.internal.yaml.Location at, Field field, Node v) {
        List<String> except = new ArrayList<>();
        Field exceptField = null;
        Node comparisonNode = v;
        if (v instanceof Node.MapNode m && m.has("except")) {
            java.util.LinkedHashMap<String, Node.Entry> rest = new java.util.LinkedHashMap<>(m.entries());
            rest.remove("except");
            comparisonNode = new Node.MapNode(m.at(), rest);
            Node.ListNode list = fields.list(m.get("except"), "'except'");
            for (Node item : list == null ? List.<Node>of() : list.items()) {
                if (isFieldRef(item)) {
                    Field other = fieldRef((Node.MapNode) item);
                    if (other == null) {
                        continue;
                    }
                    if (other.type() != Field.Type.CODE || other.catalogue() != field.catalogue()) {
                        problems.error(item.at(), other.path() + " does not hold a code of " + field.path(),
                                "leave out a field with one code of the same catalogue, for example {field: reporter.service}");
                    } else if (exceptField != null) {
                        problems.error(item.at(), "'except' takes at most one field", "count the rest with another condition");
                    } else {
                        exceptField = other;
                    }
                } else {
                    code(field, item).ifPresent(except::add);
                }
            }
        }
        List<String> codes = except;
        Field other = exceptField;
        return comparison(comparisonNode, "count").flatMap(c -> number(c.value(), Set.of(Unit.COUNT), "count of " + field.path(), 0, 1000)
                .map(x -> (Condition) new Condition.Count(at, field, comparisonOp(c), x, codes, other))).orElse(null);
    }

    /** The one comparison in {@code {gte: 28}}, checked; empty (with a problem) otherwise. */
    private Optional<Node.Entry> comparison(Node v, String op) {
        Node.MapNode cmp = fields.map(v, "'" + op + "'");
        if (cmp == null) {
            return Optional.empty();
        }
        if (cmp.entries().size() != 1) {
            problems.error(cmp.at(), "'" + op + "' takes one comparison", "write for example {gte: 2}");
            return Optional.empty();
        }
        Node.Entry c = cmp.entries().values().iterator().next();
        if (!COMPARISONS.contains(c.key())) {
            problems.error(c.keyAt(), "unknown comparison '" + Fields.shorten(c.key()) + "'", Hints.didYouMean(c.key(), COMPARISONS));
            return Optional.empty();
        }
        return Optional.of(c);
    }

    private static Op comparisonOp(Node.Entry c) {
        return Op.valueOf(c.key().toUpperCase(java.util.Locale.ROOT));
    }

    private Condition wrongOperator(no.veiviser.internal.yaml.Location at, Field field, String op) {
        problems.error(at, "'" + op + "' does not apply to " + field.path() + " (" + describe(field.type()) + ")",
                "use one of: " + String.join(", ", operatorsFor(field.type())));
        return null;
    }

    private Condition compare(no.veiviser.internal.yaml.Location at, Field field, Op op, Node v) {
        switch (field.type()) {
            case BOOL, OPTIONAL_BOOL: {
                return fields.bool(v, field.path()).map(b -> (Condition) new Condition.Compare(at, field, op, b, null)).orElse(null);
            }
            case INT: {
                Optional<Operand> operand = field.isLevel() ? level(v, field) : number(v, Set.of(Unit.YEARS), field.path(), 0, 30);
                return operand.map(o -> (Condition) new Condition.Compare(at, field, op, null, o)).orElse(null);
            }
            case ENUM, CODE: {
                Optional<String> c = code(field, v);
                if (c.isPresent() && field == Field.MEETING_OUTCOME && guide.outcomesMeaning(c.get()).size() > 1) {
                    // a national outcome reads the guide's own outcomes with that meaning too
                    return new Condition.Member(at, field, op == Op.NE, List.copyOf(guide.outcomesMeaning(c.get())));
                }
                return c.map(x -> (Condition) new Condition.Compare(at, field, op, x, null)).orElse(null);
            }
            default:
                problems.error(at, field.path() + " (" + describe(field.type()) + ") cannot be compared with a plain value",
                        "use one of: " + String.join(", ", operatorsFor(field.type())));
                return null;
        }
    }

    /**
     * A level: one of the guide's level ids ({@code B}), a position as a whole number (what norge's rules write), or a
     * {@code {param: name}} in levels. In a {@code {param: ...}} or a list, a literal.
     */
    private Optional<Operand> level(Node v, Field field) {
        if (v instanceof Node.ScalarNode s && !s.isNull()) {
            Integer position = guide.levelPosition(s.text());
            if (position == null) {
                problems.error(v.at(), "unknown level '" + Fields.shorten(s.text()) + "' for " + field.path(),
                        guide.levels().isEmpty() ? "write a level 0-3" : "the guide's levels are " + String.join(", ", guide.levelIds()));
                return Optional.empty();
            }
            return Optional.of(new Operand.Literal(position));
        }
        return number(v, Set.of(Unit.LEVEL), field.path(), 0, guide.lastLevel());
    }

    /** A whole number, or {@code {param: name}} whose unit is one of {@code units}. */
    private Optional<Operand> number(Node v, Set<Unit> units, String what, int min, int max) {
        if (v instanceof Node.MapNode m && m.has("param")) {
            fields.onlyKeys(m, "a parameter reference", List.of("param"));
            Optional<String> name = fields.id(m, "param");
            if (name.isEmpty()) {
                return Optional.empty();
            }
            Parameter p = guide.parameters().get(name.get());
            if (p == null) {
                problems.error(m.get("param").at(), "unknown parameter '" + name.get() + "'", Hints.didYouMean(name.get(), guide.parameters().keySet()));
                return Optional.empty();
            }
            if (!units.contains(p.unit())) {
                problems.error(m.get("param").at(), "parameter '" + p.name() + "' is in " + p.unit().code() + ", but " + what
                        + " needs " + String.join(" or ", units.stream().map(Unit::code).sorted().toList()), "use a parameter with that unit");
                return Optional.empty();
            }
            return Optional.of(new Operand.ParamRef(p.name(), p.unit() == Unit.WEEKS && units.contains(Unit.DAYS) ? 7 : 1));
        }
        return fields.integer(v, what, min, max).map(Operand.Literal::new);
    }

    private Optional<String> code(Field field, Node v) {
        Set<String> allowed = switch (field.type()) {
            case ENUM -> field == Field.MEETING_OUTCOME ? guide.outcomeCodes() : new java.util.LinkedHashSet<>(field.enumValues());
            default -> switch (field.catalogue()) {
                case SIGNALS -> guide.signals().keySet();
                case SERVICES -> guide.services().keySet();
                case STEPS -> new java.util.LinkedHashSet<>(guide.steps().stream().map(Step::id).toList());
            };
        };
        String what = field.type() == Field.Type.ENUM ? "value for " + field.path()
                : switch (field.catalogue()) {
                    case SIGNALS -> "signal";
                    case SERVICES -> "service";
                    case STEPS -> "step";
                };
        return fields.code(v, what, allowed);
    }

    static String describe(Field.Type type) {
        return switch (type) {
            case BOOL, OPTIONAL_BOOL -> "true/false";
            case INT -> "a whole number";
            case ENUM, CODE -> "a code";
            case CODESET -> "a set of codes";
            case DATE -> "a date";
        };
    }

    static List<String> operatorsFor(Field.Type type) {
        return switch (type) {
            case BOOL -> List.of("eq", "ne");
            case OPTIONAL_BOOL -> List.of("eq", "ne", "present");
            case INT -> List.of("eq", "ne", "lt", "lte", "gt", "gte", "in", "notIn", "present");
            case ENUM, CODE -> List.of("eq", "ne", "in", "notIn", "present");
            case CODESET -> List.of("contains", "containsAny", "containsAll", "containsNone", "empty", "count");
            case DATE -> List.of("daysSince", "yearsSince", "before", "onOrBefore", "after", "onOrAfter", "present");
        };
    }
}
