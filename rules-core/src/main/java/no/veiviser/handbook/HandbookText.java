package no.veiviser.handbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import no.veiviser.internal.Language;
import no.veiviser.internal.engine.Condition;
import no.veiviser.internal.engine.Field;
import no.veiviser.internal.engine.Operand;
import no.veiviser.internal.engine.ValueLabels;
import no.veiviser.internal.model.GuideModel;
import no.veiviser.internal.model.Parameter;
import no.veiviser.internal.model.Unit;

/**
 * A rule's condition in plain Norwegian (or English), one line per part, for the handbook. In English a fact is named by its
 * path in the case ({@code child.age}), which is how an English reader of the case format knows it.
 */
final class HandbookText {
    /** One line of a condition: its depth in the tree and its text. */
    record Line(int depth, String text) {}

    private static final Map<Field, String> FIELDS = Map.ofEntries(
            Map.entry(Field.CHILD_AGE, "barnets alder"),
            Map.entry(Field.CHILD_SETTING, "barnets arena"),
            Map.entry(Field.CHILD_LIVES_IN_MUNICIPALITY, "barnet bor i kommunen"),
            Map.entry(Field.CONCERN_SINCE, "datoen bekymringen oppstod"),
            Map.entry(Field.CONCERN_SIGNALS, "tegnene på bekymring"),
            Map.entry(Field.CONCERN_UNCERTAIN_PLACEMENT, "det er uklart hvilket nivå eller hvilken tjeneste som skal følge opp"),
            Map.entry(Field.CONCERN_PROGRESS, "utviklingen etter tiltak"),
            Map.entry(Field.CONCERN_PREGNANCY, "bekymringen gjelder et svangerskap"),
            Map.entry(Field.CONCERN_RAISED_BY, "den som er bekymret"),
            Map.entry(Field.CASE_COORDINATOR, "barnet har koordinator"),
            Map.entry(Field.CASE_LEVEL, "nivået saken er på"),
            Map.entry(Field.CASE_STEP, "steget saken er på"),
            Map.entry(Field.CASE_GUARDIANS_INVOLVED, "foresatte er involvert"),
            Map.entry(Field.CASE_SERVICES, "tjenestene i saken"),
            Map.entry(Field.CASE_INDIVIDUAL_PLAN, "barnet har individuell plan"),
            Map.entry(Field.CASE_CHILD_COORDINATOR, "barnet har barnekoordinator"),
            Map.entry(Field.CASE_CLOSING, "saken avsluttes"),
            Map.entry(Field.CONSENT_GUARDIANS, "foresattes samtykke"),
            Map.entry(Field.CONSENT_YOUTH, "ungdommens samtykke"),
            Map.entry(Field.CHILD_WELFARE_INFORMED, "barnevernet har fått bekymringsmelding"),
            Map.entry(Field.CHILD_WELFARE_RECOMMENDS_FOLLOW_UP, "politi/barnevern anbefaler den ansatte å følge opp videre"),
            Map.entry(Field.CHILD_WELFARE_DECISION, "barnevernet har vedtak om tiltak"),
            Map.entry(Field.CHILD_WELFARE_MEASURE_ACTIVE, "barnevernet har fortsatt tiltak"),
            Map.entry(Field.CHILD_WELFARE_INFORMED_ON, "datoen barnevernet ble informert om bekymringen"),
            Map.entry(Field.STAFETTLOGG_STATUS, "stafettloggens status"),
            Map.entry(Field.STAFETTLOGG_HOLDER, "stafettholderen"),
            Map.entry(Field.REPORTER_SERVICE, "tjenesten som spør"),
            Map.entry(Field.REPORTER_ADULT_SERVICE, "den som spør er en voksentjeneste"),
            Map.entry(Field.ADULT_HAS_CHILDREN, "den voksne har barn"),
            Map.entry(Field.ADULT_SOCIAL_ASSISTANCE, "sosialhjelp"),
            Map.entry(Field.ADULT_REFUGEE_SETTLED_ON, "bosettingen som flyktning"),
            Map.entry(Field.ADULT_PATIENT_CONDITION, "pasientens tilstand"),
            Map.entry(Field.ADULT_PATIENT_IS_SIBLING, "pasienten er søsken av barnet"),
            Map.entry(Field.CASE_REFERRED, "datoen saken ble henvist"),
            Map.entry(Field.MEETING_HELD, "datoen for siste møte"),
            Map.entry(Field.MEETING_OUTCOME, "konklusjonen fra siste møte"),
            Map.entry(Field.MEETING_LEVEL, "nivået møtet besluttet"),
            Map.entry(Field.MEETING_NEXT, "datoen for neste møte"),
            Map.entry(Field.CONSENT_WRITTEN, "samtykket er skriftlig"),
            Map.entry(Field.CONSENT_STAFETTLOGG_GUARDIANS, "foresattes samtykke til stafettlogg"),
            Map.entry(Field.CONSENT_STAFETTLOGG_YOUTH, "ungdommens samtykke til stafettlogg"),
            Map.entry(Field.CONSENT_STAFETTLOGG_WRITTEN, "samtykket til stafettlogg er skriftlig"),
            Map.entry(Field.CONSENT_INDIVIDUAL_PLAN_GUARDIANS, "foresattes samtykke til individuell plan"),
            Map.entry(Field.CONSENT_INDIVIDUAL_PLAN_YOUTH, "ungdommens samtykke til individuell plan"),
            Map.entry(Field.CONSENT_INDIVIDUAL_PLAN_WRITTEN, "samtykket til individuell plan er skriftlig"));

    private static final java.util.Locale NORWEGIAN = java.util.Locale.forLanguageTag("nb");

    private final GuideModel guide;
    private final boolean nb;
    HandbookText(GuideModel guide, Locale locale) {
        this.guide = guide;
        this.nb = Language.norwegian(locale);
    }

    private String t(String norwegian, String english) {
        return nb ? norwegian : english;
    }

    List<Line> lines(Condition c) {
        List<Line> out = new ArrayList<>();
        if (c == null) {
            out.add(new Line(0, t("alltid", "always")));
        } else {
            add(c, 0, out);
        }
        return out;
    }

    private void add(Condition c, int depth, List<Line> out) {
        if (c instanceof Condition.All all) {
            if (all.parts().size() == 1) {
                add(all.parts().get(0), depth, out);
                return;
            }
            out.add(new Line(depth, t("alle disse gjelder:", "all of these hold:")));
            all.parts().forEach(p -> add(p, depth + 1, out));
        } else if (c instanceof Condition.Any any) {
            out.add(new Line(depth, t("minst én av disse gjelder:", "at least one of these holds:")));
            any.parts().forEach(p -> add(p, depth + 1, out));
        } else if (c instanceof Condition.Not not) {
            out.add(new Line(depth, t("dette gjelder ikke:", "this does not hold:")));
            add(not.part(), depth + 1, out);
        } else if (c instanceof Condition.IfMissing presumed) {
            out.add(new Line(depth, presumed.value() ? t("er det ikke oppgitt, regnes dette som oppfylt:", "if the case does not say, this is taken to hold:")
                    : t("er det ikke oppgitt, regnes dette som ikke oppfylt:", "if the case does not say, this is taken not to hold:")));
            add(presumed.part(), depth + 1, out);
        } else {
            out.add(new Line(depth, leaf(c)));
        }
    }

    String leaf(Condition c) {
        if (c instanceof Condition.Always) {
            return t("alltid", "always");
        }
        if (c instanceof Condition.ConceptRef ref) {
            String kind = ref.kind() == null ? "" : ref.kind().equals("stafettlogg") ? t(" for stafettlogg", " for the stafettlogg")
                    : t(" for individuell plan", " for the individual plan");
            return t("begrepet «" + ref.id() + "»" + kind + " gjelder", "the concept “" + ref.id() + "”" + kind + " holds");
        }
        if (c instanceof Condition.Compare cmp) {
            String field = name(cmp.field());
            if (cmp.field().isLevel() && cmp.operand() instanceof Operand.Literal l) {
                return field + " " + op(cmp.op()) + " " + guide.levelAt(l.value()).map(x -> x.id()).orElse(String.valueOf(l.value()));
            }
            if (cmp.field().type() == Field.Type.INT) {
                return field + " " + op(cmp.op()) + " " + operand(cmp.operand(), cmp.field() == Field.CHILD_AGE ? t(" år", " years") : "");
            }
            if (cmp.literal() instanceof Boolean b) {
                return (b ? "" : t("ikke: ", "not: ")) + field;
            }
            return field + (cmp.op() == Condition.Op.NE ? t(" er ikke ", " is not ") : t(" er ", " is ")) + code(cmp.field(), String.valueOf(cmp.literal()));
        }
        if (c instanceof Condition.Member m) {
            return name(m.field()) + (m.negated() ? t(" er ingen av: ", " is none of: ") : t(" er en av: ", " is one of: "))
                    + m.values().stream().map(v -> code(m.field(), String.valueOf(v))).collect(Collectors.joining(", "));
        }
        if (c instanceof Condition.SetTest s) {
            String codes = s.codes().stream().map(x -> code(s.field(), x)).collect(Collectors.joining(", "));
            return name(s.field()) + switch (s.mode()) {
                case ANY -> s.codes().size() == 1 ? t(" omfatter ", " includes ") + codes : t(" omfatter minst én av: ", " includes at least one of: ") + codes;
                case ALL -> t(" omfatter alle: ", " includes all of: ") + codes;
                case NONE -> t(" omfatter ingen av: ", " includes none of: ") + codes;
                case EMPTY -> t(": ingen", ": none");
                case NOT_EMPTY -> t(": minst én", ": at least one");
            };
        }
        if (c instanceof Condition.Count n) {
            List<String> not = new java.util.ArrayList<>(n.except().stream().map(x -> code(n.field(), x)).toList());
            if (n.exceptField() != null) {
                not.add(name(n.exceptField()));
            }
            return t("antall ", "the number of ") + name(n.field()) + (not.isEmpty() ? "" : t(" utenom ", " except ") + String.join(", ", not))
                    + " " + op(n.op()) + " " + operand(n.operand(), "");
        }
        if (c instanceof Condition.SameAs s) {
            return name(s.field()) + (s.other().type() == Field.Type.CODESET
                    ? (s.negated() ? t(" er ikke blant ", " is not among ") : t(" er blant ", " is among "))
                    : (s.negated() ? t(" er ikke den samme som ", " is not the same as ") : t(" er den samme som ", " is the same as ")))
                    + name(s.other());
        }
        if (c instanceof Condition.Present p) {
            return name(p.field()) + (p.present() ? t(" er oppgitt", " is given") : t(" er ikke oppgitt", " is not given"));
        }
        if (c instanceof Condition.DateOrder d) {
            return name(d.field()) + " " + switch (d.op()) {
                case LT -> t("er før", "is before");
                case LTE -> t("er samme dag som eller før", "is on or before");
                case GT -> t("er etter", "is after");
                default -> t("er samme dag som eller etter", "is on or after");
            } + " " + name(d.other());
        }
        if (c instanceof Condition.Elapsed e) {
            return (e.years() ? t("år", "years") : t("dager", "days")) + t(" siden ", " since ") + name(e.field()) + " " + op(e.op()) + " "
                    + operand(e.operand(), e.years() ? t(" år", " years") : t(" dager", " days"));
        }
        return c.toString();
    }

    private String name(Field f) {
        return nb ? FIELDS.getOrDefault(f, f.path()) : f.path();
    }

    private String op(Condition.Op op) {
        return switch (op) {
            case EQ -> t("er", "is");
            case NE -> t("er ikke", "is not");
            case LT -> t("er under", "is below");
            case LTE -> t("er høyst", "is at most");
            case GT -> t("er over", "is above");
            case GTE -> t("er minst", "is at least");
        };
    }

    private String operand(Operand o, String unit) {
        if (o instanceof Operand.Literal l) {
            return l.value() + unit;
        }
        Operand.ParamRef ref = (Operand.ParamRef) o;
        Parameter p = guide.parameters().get(ref.name());
        if (p == null) {
            return ref.name();
        }
        String values = p.values().stream().map(v -> v.from().map(d -> t("fra ", "from ") + d + ": ").orElse("") + (v.value() * ref.factor()))
                .collect(Collectors.joining("; "));
        return "«" + ref.name() + "» (" + values + (ref.factor() == 1 ? " " + unit(p.unit(), nb) : unit) + ")";
    }

    static String unit(Unit u, boolean nb) {
        return switch (u) {
            case YEARS -> nb ? "år" : "years";
            case MONTHS -> nb ? "måneder" : "months";
            case WEEKS -> nb ? "uker" : "weeks";
            case DAYS -> nb ? "dager" : "days";
            case LEVEL -> nb ? "(nivå)" : "(level)";
            case COUNT -> nb ? "(antall)" : "(count)";
        };
    }

    /** The guide's steps by id, with their titles as labels ("Samarbeid med foresatte (1.1)"). */
    private Map<String, String> stepTitles() {
        Map<String, String> out = new java.util.HashMap<>();
        guide.steps().stream().filter(s -> !s.title().isBlank()).forEach(s -> out.putIfAbsent(s.id(), s.title()));
        return out;
    }

    private String code(Field f, String code) {
        if (f == Field.MEETING_OUTCOME && guide.meetingOutcomes().containsKey(code)) { // the guide's own outcome, in its words
            var own = guide.meetingOutcomes().get(code);
            return own.label() + " (" + code + ")";
        }
        if (f.type() == Field.Type.ENUM) {
            return ValueLabels.label(f, code, nb ? NORWEGIAN : java.util.Locale.ENGLISH);
        }
        Map<String, String> labels = f == Field.CONCERN_SIGNALS ? guide.signals()
                : f == Field.CASE_SERVICES || f == Field.STAFETTLOGG_HOLDER || f == Field.REPORTER_SERVICE ? guide.services()
                : f == Field.CASE_STEP ? stepTitles() : Map.of();
        String label = labels.get(code);
        return label == null || label.equals(code) ? code : label + " (" + code + ")";
    }

    /** A code's declared effects, in words, and the author's reason where the text check is acknowledged. */
    static String effects(no.veiviser.internal.model.Effects fx, boolean nb) {
        String contacts = fx.contacts().isEmpty() ? tr(nb, "ingen", "nobody")
                : String.join(", ", fx.contacts().stream().map(x -> effectWord(x, nb)).sorted().toList());
        String consent = fx.consent().isEmpty() ? tr(nb, "intet", "none")
                : String.join(", ", fx.consent().stream().map(x -> effectWord(x, nb)).sorted().toList());
        return tr(nb, "Kontakter: ", "Contacts: ") + contacts + tr(nb, "; deler opplysninger: ", "; shares information: ")
                + (fx.shares() ? tr(nb, "ja", "yes") : tr(nb, "nei", "no")) + tr(nb, "; forutsetter samtykke: ", "; presupposes consent: ")
                + consent + tr(nb, "; gjelder: ", "; for: ") + effectWord(fx.forWhom(), nb) + tr(nb, "; fase: ", "; phase: ")
                + effectWord(fx.phase(), nb) + fx.acknowledged().map(a -> tr(nb, ". Tekstsjekken: ", ". Text check: ") + a).orElse("");
    }

    private static String tr(boolean nb, String norwegian, String english) {
        return nb ? norwegian : english;
    }

    /** Which findings an effect selects, in words: "rådene som kontakter foresatte, unntatt fase acute eller duty". */
    static String effectMatch(no.veiviser.internal.model.EffectMatch m, boolean nb) {
        String text = tr(nb, "rådene som ", "the findings that ") + effectKeys(m.require(), nb);
        return m.unless().isEmpty() ? text : text + tr(nb, ", unntatt dem som ", ", except those that ") + effectKeys(m.unless(), nb);
    }

    /** An effect value in words: the guide's code in English, its meaning in bokmål. */
    static String effectWord(String value, boolean nb) {
        if (!nb) {
            return value;
        }
        return switch (value) {
            case "guardians" -> "foresatte";
            case "child" -> "barnet";
            case "services" -> "andre tjenester";
            case "child-welfare" -> "barneverntjenesten";
            case "police" -> "politiet";
            case "leader" -> "leder";
            case "adult-client" -> "den voksne brukeren";
            case "who" -> "dem rådet nevner";
            case "whoever-consents" -> "dem som må samtykke";
            case "cooperation" -> "tverrfaglig samarbeid";
            case "individualPlan" -> "individuell plan";
            case "minor" -> "barn under 18 år";
            case "adult" -> "voksne brukere";
            case "anyone" -> "alle";
            case "acute" -> "akutt";
            case "duty" -> "plikt";
            case "ordinary" -> "vanlig arbeid";
            case "forward" -> "fører saken videre";
            case "ending" -> "avslutter en del av arbeidet";
            case "step-down" -> "trapper ned";
            case "closing" -> "avslutter saken";
            default -> value;
        };
    }

    private static String effectKeys(java.util.Map<String, java.util.Set<String>> keys, boolean nb) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        for (String k : no.veiviser.internal.model.Effects.KEYS) {
            java.util.Set<String> v = keys.get(k);
            if (v == null) {
                continue;
            }
            String values = String.join(tr(nb, " eller ", " or "), v.stream().map(x -> effectWord(x, nb)).sorted().toList());
            parts.add(switch (k) {
                case "contacts" -> tr(nb, "kontakter ", "contact ") + values;
                case "shares" -> v.contains("true") ? tr(nb, "deler opplysninger", "share information")
                        : tr(nb, "ikke deler opplysninger", "share no information");
                case "consent" -> tr(nb, "forutsetter samtykke til ", "presuppose consent to ") + values;
                case "for" -> tr(nb, "gjelder ", "are for ") + values;
                default -> tr(nb, "er i fasen ", "are in the phase ") + values;
            });
        }
        return String.join(tr(nb, " og ", " and "), parts);
    }

}
