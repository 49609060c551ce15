package no.veiviser;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import no.veiviser.internal.model.GuideModel;
import no.veiviser.internal.model.Step;
import no.veiviser.internal.yaml.Fields;
import no.veiviser.internal.yaml.Node;
import no.veiviser.internal.yaml.Problems;

/** Reads a case's located tree into a {@link Case}, reporting every problem with its location. */
final class CaseReader {
    static final List<String> TOP = List.of("asOf", "child", "concern", "case", "meeting", "consent", "childWelfare", "stafettlogg", "reporter", "adult");
    static final List<String> CHILD = List.of("birthDate", "age", "setting", "livesInMunicipality");
    static final List<String> CONCERN = List.of("since", "signals", "uncertainPlacement", "progress", "pregnancy", "raisedBy");
    static final List<String> WORK = List.of("level", "step", "guardiansInvolved", "services", "individualPlan", "childCoordinator", "closing", "referred", "coordinator");
    static final List<String> MEETING = List.of("held", "outcome", "level", "next");
    static final List<String> CONSENT = List.of("guardians", "youth", "written", "stafettlogg", "individualPlan");
    static final List<String> CONSENT_KIND = List.of("guardians", "youth", "written");
    static final List<String> CHILD_WELFARE = List.of("informed", "recommendsFollowUp", "decision", "measureActive", "informedOn");
    static final List<String> STAFETTLOGG = List.of("status", "holder");
    static final List<String> REPORTER = List.of("service", "adultService");
    static final List<String> ADULT = List.of("hasChildren", "socialAssistance", "refugeeSettledOn", "patientCondition", "patientIsSibling");

    private final Problems problems = new Problems();
    private final Fields fields = new Fields(problems);
    private final GuideModel guide; // null: codes are not checked against a guide's catalogues
    private final LocalDate defaultAsOf;

    CaseReader(GuideModel guide, LocalDate defaultAsOf) {
        this.guide = guide;
        this.defaultAsOf = defaultAsOf;
    }

    Problems problems() {
        return problems;
    }

    /** The case, or null when it has errors (see {@link #problems()}). */
    Case read(Node root) {
        Node.MapNode top = fields.map(root, "a case");
        if (top == null) {
            return null;
        }
        fields.onlyKeys(top, "a case", TOP);
        LocalDate asOf = top.has("asOf") ? fields.date(top.get("asOf"), "asOf").orElse(defaultAsOf) : defaultAsOf;
        Child child = child(section(top, "child", CHILD), asOf);
        Concern concern = concern(section(top, "concern", CONCERN), asOf);
        CaseWork work = work(section(top, "case", WORK), asOf);
        Meeting meeting = meeting(section(top, "meeting", MEETING), asOf);
        Node.MapNode c = section(top, "consent", CONSENT);
        Consent consent = c == null ? null : new Consent(
                state(c, "consent.guardians", Consent.State.class).orElse(null), state(c, "consent.youth", Consent.State.class).orElse(null),
                flag(c, "written", false), answers(c, "stafettlogg"), answers(c, "individualPlan"));
        Node.MapNode cw = section(top, "childWelfare", CHILD_WELFARE);
        ChildWelfare childWelfare = cw == null ? null : new ChildWelfare(flag(cw, "informed", false),
                flag(cw, "recommendsFollowUp", false), flag(cw, "decision", false), flag(cw, "measureActive", false),
                date(cw, "informedOn", "childWelfare.informedOn", asOf));
        Node.MapNode s = section(top, "stafettlogg", STAFETTLOGG);
        Stafettlogg stafettlogg = s == null ? null : new Stafettlogg(state(s, "stafettlogg.status", Stafettlogg.Status.class).orElse(null),
                service(s, "holder"));
        Node.MapNode r = section(top, "reporter", REPORTER);
        Reporter reporter = r == null ? null : new Reporter(service(r, "service"), flag(r, "adultService", false));
        Node.MapNode a = section(top, "adult", ADULT);
        Adult adult = a == null ? null : new Adult(optionalFlag(a, "adult.hasChildren"),
                state(a, "adult.socialAssistance", Adult.SocialAssistance.class).orElse(null),
                date(a, "refugeeSettledOn", "adult.refugeeSettledOn", asOf),
                state(a, "adult.patientCondition", Adult.PatientCondition.class).orElse(null),
                optionalFlag(a, "adult.patientIsSibling"));
        if (problems.hasErrors()) {
            return null;
        }
        return new Case(asOf, child, concern, work, consent, childWelfare, stafettlogg, reporter, adult, meeting);
    }

    private Node.MapNode section(Node.MapNode top, String key, List<String> allowed) {
        if (!top.has(key)) {
            return null;
        }
        Node value = top.get(key);
        if (value instanceof Node.ScalarNode sc && sc.isNull()) {
            return null;
        }
        Node.MapNode map = fields.map(value, "'" + key + "'");
        if (map != null) {
            fields.onlyKeys(map, "'" + key + "'", allowed);
        }
        return map;
    }

    private Child child(Node.MapNode m, LocalDate asOf) {
        if (m == null) {
            return null;
        }
        Optional<LocalDate> born = date(m, "birthDate", "child.birthDate", asOf);
        OptionalInt age = OptionalInt.empty();
        if (m.has("age")) {
            Optional<Integer> a = fields.integer(m.get("age"), "child.age", 0, 30);
            if (a.isPresent()) {
                age = OptionalInt.of(a.get());
            }
            if (m.has("birthDate")) {
                Node.Entry second = m.entries().get("age").keyAt().line() > m.entries().get("birthDate").keyAt().line()
                        ? m.entries().get("age") : m.entries().get("birthDate");
                problems.error(second.keyAt(), "the child has both 'age' and 'birthDate'", "give one of them: birthDate is more precise");
                return null;
            }
        }
        boolean lives = flag(m, "livesInMunicipality", true);
        return new Child(born, age, state(m, "child.setting", Child.Setting.class), lives);
    }

    private Concern concern(Node.MapNode m, LocalDate asOf) {
        if (m == null) {
            return null;
        }
        List<String> signals = m.has("signals") ? codes(m.get("signals"), "signal", guide == null ? null : guide.signals().keySet()) : List.of();
        return new Concern(date(m, "since", "concern.since", asOf), signals, flag(m, "uncertainPlacement", false),
                state(m, "concern.progress", Concern.Progress.class), optionalFlag(m, "concern.pregnancy"),
                state(m, "concern.raisedBy", Concern.RaisedBy.class));
    }

    private CaseWork work(Node.MapNode m, LocalDate asOf) {
        if (m == null) {
            return null;
        }
        Optional<String> level = level(m, "case.level");
        Optional<String> step = Optional.empty();
        if (m.has("step")) {
            step = guide == null ? fields.writtenId(m.get("step"), "case.step")
                    : fields.code(m.get("step"), "step", new LinkedHashSet<>(guide.steps().stream().map(Step::id).toList()));
        }
        List<String> services = m.has("services") ? codes(m.get("services"), "service", guide == null ? null : guide.services().keySet()) : List.of();
        return new CaseWork(level, step, flag(m, "guardiansInvolved", false), services, flag(m, "individualPlan", false),
                flag(m, "childCoordinator", false), flag(m, "closing", false), date(m, "referred", "case.referred", asOf),
                optionalFlag(m, "case.coordinator"));
    }

    private Meeting meeting(Node.MapNode m, LocalDate asOf) {
        if (m == null) {
            return null;
        }
        Optional<LocalDate> next = m.has("next") ? fields.date(m.get("next"), "meeting.next") : Optional.empty(); // may lie ahead
        Meeting meeting = new Meeting(date(m, "held", "meeting.held", asOf), Optional.empty(), level(m, "meeting.level"), next);
        return m.has("outcome") ? outcome(m.get("outcome"), meeting) : meeting;
    }

    /**
     * A national outcome ({@code close}), or one of the guide's own ({@code avslutt}, kept as written, with its
     * meaning); without the guide, an own outcome is kept as written and checked when the case is evaluated.
     */
    private Meeting outcome(Node node, Meeting meeting) {
        Set<String> known = guide == null ? null : guide.outcomeCodes();
        Optional<String> written = known == null ? fields.id(node, "value for meeting.outcome") : fields.code(node, "value for meeting.outcome", known);
        if (written.isEmpty()) {
            return meeting;
        }
        for (Meeting.Outcome o : Meeting.Outcome.values()) {
            if (o.code().equals(written.get())) {
                return new Meeting(meeting.held(), Optional.of(o), meeting.level(), meeting.next());
            }
        }
        Optional<Meeting.Outcome> means = guide == null ? Optional.empty() : Optional.of(guide.outcomeMeaning(written.get()));
        return new Meeting(meeting.held(), means, meeting.level(), meeting.next(), written);
    }

    /** A level as the case writes it: one of the guide's level ids, or a position (checked when the guide is known). */
    private Optional<String> level(Node.MapNode m, String path) {
        if (!m.has("level")) {
            return Optional.empty();
        }
        Node node = m.get("level");
        Optional<String> written = fields.writtenId(node, path);
        if (written.isPresent() && guide != null && guide.levelPosition(written.get()) == null) {
            problems.error(node.at(), "unknown level '" + written.get() + "' for " + path,
                    "the guide's levels are " + String.join(", ", guide.levelIds()));
            return Optional.empty();
        }
        return written;
    }

    private Consent.Answers answers(Node.MapNode consent, String kind) {
        Node.MapNode m = section(consent, kind, CONSENT_KIND);
        if (m == null) {
            return null;
        }
        return new Consent.Answers(state(m, "consent." + kind + ".guardians", Consent.State.class).orElse(null),
                state(m, "consent." + kind + ".youth", Consent.State.class).orElse(null), flag(m, "written", false));
    }

    private List<String> codes(Node node, String what, Set<String> known) {
        return fields.listOf(node, "'" + what + "s'", n -> known == null ? fields.id(n, what) : fields.code(n, what, known));
    }

    private Optional<String> service(Node.MapNode m, String key) {
        if (!m.has(key) || m.get(key) instanceof Node.ScalarNode s && s.isNull()) {
            return Optional.empty();
        }
        return guide == null ? fields.id(m.get(key), "service") : fields.code(m.get(key), "service", guide.services().keySet());
    }

    private boolean flag(Node.MapNode m, String key, boolean absent) {
        return m.has(key) ? fields.bool(m.get(key), key).orElse(absent) : absent;
    }

    /** A true/false fact that is not known when the case leaves it out; {@code path} is the field's full path. */
    private Optional<Boolean> optionalFlag(Node.MapNode m, String path) {
        String key = path.substring(path.lastIndexOf('.') + 1);
        return m.has(key) ? fields.bool(m.get(key), path) : Optional.empty();
    }

    private Optional<LocalDate> date(Node.MapNode m, String key, String path, LocalDate asOf) {
        if (!m.has(key)) {
            return Optional.empty();
        }
        Optional<LocalDate> d = fields.date(m.get(key), path);
        if (d.isPresent() && d.get().isAfter(asOf)) {
            problems.error(m.get(key).at(), path + " " + d.get() + " is after asOf " + asOf, "check the date, or set asOf to the date of the assessment");
            return Optional.empty();
        }
        return d;
    }

    /** {@code path} is the field's full path, for example {@code consent.guardians}. */
    private <E extends Enum<E>> Optional<E> state(Node.MapNode m, String path, Class<E> type) {
        String key = path.substring(path.lastIndexOf('.') + 1);
        if (!m.has(key)) {
            return Optional.empty();
        }
        Set<String> codes = new LinkedHashSet<>(Arrays.stream(type.getEnumConstants()).map(Codes::of).toList());
        return fields.code(m.get(key), "value for " + path, codes).map(c -> Codes.parse(type, c));
    }
}
