package no.veiviser.internal.engine;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.veiviser.Note;

/**
 * Collects a decision's notes while it is built, in Norwegian for the employee: one note per missing fact
 * (naming every rule it left undecided), one per due date counted from asOf, one per fired rule that
 * deviates from current law. Built once per evaluation; cases without missing facts allocate no lists.
 */
final class Notes {
    private Map<Field, List<String>> undecided;
    private List<Note> due;
    private List<Note> deviations;

    void undecided(String rule, Set<Field> missing) {
        if (undecided == null) {
            undecided = new EnumMap<>(Field.class);
        }
        for (Field f : missing) {
            List<String> rules = undecided.computeIfAbsent(f, k -> new ArrayList<>());
            if (!rules.contains(rule)) {
                rules.add(rule);
            }
        }
    }

    void dueFromAsOf(String rule, String code, Field anchor) {
        if (due == null) {
            due = new ArrayList<>();
        }
        due.add(new Note(Note.Kind.DUE_FROM_AS_OF, "Fristen for «" + code + "» regnes fra vurderingsdatoen, fordi "
                + anchor.missingLabel() + " ikke er oppgitt.", Optional.of(anchor.path()), Optional.empty(), List.of(rule)));
    }

    void deviation(String rule, String law, String note) {
        if (deviations == null) {
            deviations = new ArrayList<>();
        }
        deviations.add(new Note(Note.Kind.DEVIATION, "Regelen bygger på veilederens tekst, som avviker fra gjeldende rett ("
                + law + "): " + note, Optional.empty(), Optional.of(law), List.of(rule)));
    }

    List<Note> build() {
        if (undecided == null && due == null && deviations == null) {
            return List.of();
        }
        List<Note> out = new ArrayList<>();
        if (undecided != null) {
            undecided.forEach((field, rules) -> out.add(new Note(Note.Kind.MISSING_FACT, capitalised(field.missingLabel())
                    + " er ikke oppgitt: " + (rules.size() == 1 ? "regelen " + rules.get(0) + " er" : rules.size() + " regler er")
                    + " ikke avgjort" + (rules.size() == 1 ? "" : " (" + String.join(", ", rules) + ")") + ".",
                    Optional.of(field.path()), Optional.empty(), rules)));
        }
        if (due != null) {
            out.addAll(due);
        }
        if (deviations != null) {
            out.addAll(deviations);
        }
        return out;
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
