package no.veiviser.internal.engine;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import no.veiviser.Adult;
import no.veiviser.Child;
import no.veiviser.Concern;
import no.veiviser.Consent;
import no.veiviser.Stafettlogg;

/**
 * Words for people for the values of the case vocabulary's fixed lists (the {@link Field.Type#ENUM} fields), in
 * Norwegian (bokmål) and English: the one table the handbook and the CLI's text use, so that a Norwegian sentence
 * says "foresattes samtykke er gitt", not "… er given". Case files, the JSON and the guide keep the codes. The values
 * of catalogue fields (signals, services, steps) are not here: their labels are the guide's own.
 *
 * <p>The roles a finding names in {@code who} have their words here too. A value's label is written to follow "er"
 * ("barnets arena er barnehage"). {@code ValueLabelsTest} checks that every
 * value of every ENUM field has both labels: a new fixed list needs its row here.
 */
public final class ValueLabels {
    private record Label(String nb, String en) {}

    /** Each enum field's list of values. */
    private static final Map<Field, Class<? extends Enum<?>>> LISTS = new EnumMap<>(Map.ofEntries(
            Map.entry(Field.CHILD_SETTING, Child.Setting.class),
            Map.entry(Field.CONCERN_PROGRESS, Concern.Progress.class),
            Map.entry(Field.CONCERN_RAISED_BY, Concern.RaisedBy.class),
            Map.entry(Field.CONSENT_GUARDIANS, Consent.State.class),
            Map.entry(Field.CONSENT_YOUTH, Consent.State.class),
            Map.entry(Field.CONSENT_STAFETTLOGG_GUARDIANS, Consent.State.class),
            Map.entry(Field.CONSENT_STAFETTLOGG_YOUTH, Consent.State.class),
            Map.entry(Field.CONSENT_INDIVIDUAL_PLAN_GUARDIANS, Consent.State.class),
            Map.entry(Field.CONSENT_INDIVIDUAL_PLAN_YOUTH, Consent.State.class),
            Map.entry(Field.STAFETTLOGG_STATUS, Stafettlogg.Status.class),
            Map.entry(Field.MEETING_OUTCOME, no.veiviser.Meeting.Outcome.class),
            Map.entry(Field.ADULT_SOCIAL_ASSISTANCE, Adult.SocialAssistance.class),
            Map.entry(Field.ADULT_PATIENT_CONDITION, Adult.PatientCondition.class)));

    private static final Map<Enum<?>, Label> LABELS = Map.ofEntries(
            Map.entry(Child.Setting.KINDERGARTEN, new Label("barnehage", "kindergarten")),
            Map.entry(Child.Setting.SCHOOL, new Label("skole", "school")),
            Map.entry(Child.Setting.NONE, new Label("verken barnehage eller skole", "neither kindergarten nor school")),
            Map.entry(Child.Setting.OTHER, new Label("en annen arena", "another setting")),
            Map.entry(Concern.Progress.IMPROVED, new Label("bedre", "improved")),
            Map.entry(Concern.Progress.UNCHANGED, new Label("uendret", "unchanged")),
            Map.entry(Concern.Progress.WORSE, new Label("verre", "worse")),
            Map.entry(Concern.RaisedBy.EMPLOYEE, new Label("den ansatte", "the employee")),
            Map.entry(Concern.RaisedBy.PARENT, new Label("en forelder", "a parent")),
            Map.entry(Concern.RaisedBy.CHILD, new Label("barnet selv", "the child")),
            Map.entry(Concern.RaisedBy.OTHER, new Label("en annen", "someone else")),
            Map.entry(Consent.State.GIVEN, new Label("gitt", "given")),
            Map.entry(Consent.State.REFUSED, new Label("nektet", "refused")),
            Map.entry(Consent.State.WITHDRAWN, new Label("trukket tilbake", "withdrawn")),
            Map.entry(Consent.State.NOT_ASKED, new Label("ikke bedt om", "not asked for")),
            Map.entry(Stafettlogg.Status.NONE, new Label("ikke opprettet", "not created")),
            Map.entry(Stafettlogg.Status.ACTIVE, new Label("i bruk", "in use")),
            Map.entry(Stafettlogg.Status.ARCHIVED, new Label("avsluttet og arkivert", "ended and archived")),
            Map.entry(no.veiviser.Meeting.Outcome.MEASURES_NEEDED, new Label("at det trengs tiltak", "that measures are needed")),
            Map.entry(no.veiviser.Meeting.Outcome.NO_MEASURES_NEEDED, new Label("at det ikke trengs tiltak", "that no measures are needed")),
            Map.entry(no.veiviser.Meeting.Outcome.CONTINUE, new Label("å fortsette", "to continue")),
            Map.entry(no.veiviser.Meeting.Outcome.CHANGE_LEVEL, new Label("å endre nivå", "to change level")),
            Map.entry(no.veiviser.Meeting.Outcome.CLOSE, new Label("å avslutte saken", "to close the case")),
            Map.entry(Adult.SocialAssistance.NONE, new Label("ingen", "none")),
            Map.entry(Adult.SocialAssistance.FIRST_APPLICATION, new Label("en første søknad", "a first application")),
            Map.entry(Adult.SocialAssistance.ONGOING, new Label("løpende", "ongoing")),
            Map.entry(Adult.PatientCondition.NONE, new Label("ingen som angår barna", "none that bears on the children")),
            Map.entry(Adult.PatientCondition.MENTAL_ILLNESS, new Label("psykisk sykdom", "mental illness")),
            Map.entry(Adult.PatientCondition.SUBSTANCE_ABUSE, new Label("rusmiddelavhengighet", "substance abuse")),
            Map.entry(Adult.PatientCondition.SERIOUS_ILLNESS, new Label("alvorlig somatisk sykdom", "serious physical illness")),
            Map.entry(Adult.PatientCondition.INJURY, new Label("alvorlig skade", "serious injury")));

    /** The roles a finding's {@code who} may name besides the guide's services (GuideModel.ROLES), as in "Gjelder: foresatte". */
    private static final Map<String, Label> ROLES = Map.of(
            "guardians", new Label("foresatte", "guardians"),
            "youth", new Label("ungdommen", "the youth"),
            "child", new Label("barnet", "the child"),
            "employee", new Label("den ansatte", "the employee"),
            "leader", new Label("leder", "the leader"));

    /** Per field, code to label; built once from the two tables above. */
    private static final Map<Field, Map<String, Label>> BY_CODE = new EnumMap<>(Field.class);

    /**
     * The comparisons {@link Condition#describe} writes for an enum field: {@code consent.guardians == given},
     * {@code child.setting != school}, {@code child.setting in [kindergarten, school]} (and {@code not in}).
     */
    private static final Pattern DESCRIBED;

    static {
        LISTS.forEach((field, list) -> {
            Map<String, Label> labels = new LinkedHashMap<>();
            for (Enum<?> value : list.getEnumConstants()) {
                labels.put(code(value), LABELS.get(value));
            }
            BY_CODE.put(field, labels);
        });
        String paths = LISTS.keySet().stream().map(f -> Pattern.quote(f.path())).collect(Collectors.joining("|"));
        DESCRIBED = Pattern.compile("(?<![\\w.])(" + paths + ")( == | != )([a-z][a-z-]*)|(?<![\\w.])(" + paths + ")( in | not in )\\[([^\\]]*)\\]");
    }

    private ValueLabels() {}

    /**
     * The label of a field's value in the language of {@code locale} (Norwegian for nb, no and nn; otherwise
     * English); the value itself when the field has no fixed list or the value is not in it.
     *
     * @param field the field
     * @param value the value, as a code ({@code not-asked}) or as the case holds it
     * @param locale the reader's language
     * @return the label
     */
    public static String label(Field field, Object value, Locale locale) {
        String code = String.valueOf(value);
        Map<String, Label> labels = BY_CODE.get(field);
        Label label = labels == null ? null : labels.get(code);
        return label == null ? code : norwegian(locale) ? label.nb() : label.en();
    }

    /**
     * A condition as {@link Condition#describe} writes it, with the values of enum fields as labels:
     * {@code consent.guardians == given} becomes {@code consent.guardians == gitt} in Norwegian. Field paths, numbers,
     * codes from the guide's catalogues and everything else stay as they are.
     *
     * @param described a description from {@link Condition#describe}
     * @param locale the reader's language
     * @return the description with labels
     */
    public static String described(String described, Locale locale) {
        Matcher m = DESCRIBED.matcher(described);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group(1) != null) {
                Field f = Field.byPath(m.group(1));
                replacement = m.group(1) + m.group(2) + label(f, m.group(3), locale);
            } else {
                Field f = Field.byPath(m.group(4));
                List<String> values = m.group(6).isBlank() ? List.of() : List.of(m.group(6).split(", "));
                replacement = m.group(4) + m.group(5) + values.stream().map(v -> label(f, v, locale))
                        .collect(Collectors.joining(", ", "[", "]"));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The words for a role a finding names in {@code who} ({@code guardians}: "foresatte"); anything else (a service
     * code, whose label is the guide's) as it is.
     *
     * @param who a role or a service code
     * @param locale the reader's language
     * @return the label
     */
    public static String role(String who, Locale locale) {
        Label label = ROLES.get(who);
        return label == null ? who : norwegian(locale) ? label.nb() : label.en();
    }

    /** Whether {@code locale} asks for Norwegian (bokmål, or nynorsk, which reads bokmål better than English). */
    public static boolean norwegian(Locale locale) {
        String lang = locale.getLanguage();
        return lang.equals("nb") || lang.equals("no") || lang.equals("nn");
    }

    /** The code of an enum value in case files: lower case with hyphens, as {@link Field} lists them. */
    private static String code(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
