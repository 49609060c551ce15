package no.veiviser.handbook;

import java.util.LinkedHashMap;
import java.util.Map;

/** The handbook template's own words ({@code {{t.key}}}), in Norwegian bokmål and English. */
final class HandbookLabels {
    private static final String[][] LABELS = {
        {"kicker", "Handlingsveileder", "Action guide"},
        {"version", "Versjon", "Version"},
        {"id", "Id", "Id"},
        {"extends", "Bygger på", "Builds on"},
        {"extendsNote", "(nasjonal grunnveileder)", "(national base guide)"},
        {"source", "Kilde", "Source"},
        {"retrieved", "hentet", "retrieved"},
        {"contents", "Innhold", "Contents"},
        {"levelsAndSteps", "Nivåer og steg", "Levels and steps"},
        {"tools", "Verktøy", "Tools"},
        {"rules", "Regler", "Rules"},
        {"concepts", "Begreper", "Concepts"},
        {"exceptions", "Unntak", "Exceptions"},
        {"invariants", "Dette sier veilederen aldri", "What the guide never says"},
        {"parameters", "Parametere", "Parameters"},
        {"codes", "Koder", "Codes"},
        {"meetingOutcomes", "Møteutfall", "Meeting outcomes"},
        {"meetingOutcomesIntro", "Utfallene et møte kan konkludere med, i veilederens egne ord, og hva hvert av dem betyr for reglene. De fem nasjonale utfallene kan også brukes.",
            "The outcomes a meeting can conclude with, in the guide's own words, and what each means for the rules. The five national outcomes can be used too."},
        {"means", "betyr", "means"},
        {"level", "Nivå", "Level"},
        {"levelLower", "nivå", "level"},
        {"usedIn", "Brukes i", "Used in"},
        {"rulesIntro", "Hver regel sier når veilederen gir et råd, hva rådet er, og hvor i veilederen (og loven) det står.",
            "Each rule says when the guide gives advice, what the advice is, and where in the guide (and the law) it says so."},
        {"from", "fra", "from"},
        {"inForce", "Gjelder", "In force"},
        {"when", "Når", "When"},
        {"then", "Da", "Then"},
        {"due", "Frist", "Due"},
        {"responsible", "Ansvarlig", "Responsible"},
        {"who", "Hvem", "Who"},
        {"step", "Steg", "Step"},
        {"stepLower", "steg", "step"},
        {"noSection", "Regelen viser ikke til et avsnitt i veilederen.", "The rule cites no section of the guide."},
        {"law", "Lov", "Law"},
        {"deviation", "Avvik fra loven", "Deviation from the law"},
        {"conceptsIntro", "Navngitte vilkår som reglene bruker, definert ett sted.", "Named conditions the rules use, defined in one place."},
        {"exceptionsIntro", "Når et unntak gjelder, gir reglene det holder tilbake ingen råd.",
            "When an exception holds, the rules it withholds give no advice."},
        {"appliesWhen", "Gjelder når:", "Holds when:"},
        {"withholds", "Holder tilbake:", "Withholds:"},
        {"ruleWithholds", "Når regelen slår til, holder den tilbake:", "When the rule fires, it withholds:"},
        {"withheldBy", "Holdes tilbake av:", "Withheld by:"},
        {"replaces", "Erstatter den med samme id i", "Replaces the one of the same id in"},
        {"refines", "Forfiner begrepet med samme id i", "Refines the concept of the same id in"},
        {"invariantsIntro", "Kontrolleres for alle tenkelige saker med", "Checked for every possible case with"},
        {"name", "Navn", "Name"},
        {"value", "Verdi", "Value"},
        {"descriptionAndSource", "Beskrivelse og kilde", "Description and source"},
        {"usedBy", "Brukes av", "Used by"},
        {"codesIntro", "Kodene et fagsystem kan reagere på. De er stabile.", "The codes a case system can act on. They are stable."},
        {"madeBy", "Laget av", "Made by"},
        {"footer", "Veilederen er kilden; denne siden er en lesevennlig utgave av den.",
            "The guide is the source; this page is a readable edition of it."},
        {"authorGuide", "Skal du skrive eller endre veilederen? Les", "Writing or changing the guide? Read"},
        {"authorGuideLink", "forfatterveiledningen", "the guide for authors (in Norwegian)"},
        {"situation", "Situasjon", "Situation"},
        {"action", "Handling", "Action"},
        {"how", "Hvordan", "How"},
        {"responsibility", "Ansvar", "Responsibility"},
    };

    private HandbookLabels() {}

    static Map<String, String> of(boolean nb) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String[] l : LABELS) {
            out.put(l[0], nb ? l[1] : l[2]);
        }
        return out;
    }
}
