package no.veiviser.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import no.veiviser.Case;
import no.veiviser.Decision;
import no.veiviser.Explanation;
import no.veiviser.Explanation.ConditionCheck;
import no.veiviser.Explanation.RuleCheck;
import no.veiviser.Guide;
import no.veiviser.Source;
import no.veiviser.internal.engine.ValueLabels;
import no.veiviser.internal.yaml.Hints;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code veiviser explain --guide ... <case> [--rule id]}: why each rule fired or not, condition by condition. */
@Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        sortOptions = false,
        description = {"Shows why each rule fired for a case, or did not.",
            "%nFor every rule of the guide (or only --rule): whether it fired (and whether it was in force on the "
                + "case's date), each condition with \u2713 (holds) or \u2717 (does not) and the case's actual "
                + "value, the finding codes the rule emits, and the section of the guide it encodes.",
            "%nIn Norwegian (bokmål) unless --lang en, the case's values in the conditions too.",
            "%nExit 0; 2 for bad input or an unknown --rule."},
        footerHeading = "%nExamples:%n",
        footer = {"  veiviser explain --guide nittedal examples/cases/worry-level-1.yaml",
            "  veiviser explain --guide nittedal --rule nittedal.level1.involve-guardians examples/cases/worry-level-1.yaml",
            "  veiviser explain --guide nittedal --lang en examples/cases/worry-level-1.yaml"})
final class ExplainCommand implements Callable<Integer> {
    static final String HOLDS = "\u2713";
    static final String FAILS = "\u2717";
    /** A condition on a fact the case does not give: neither true nor false. */
    static final String UNKNOWN = "?";

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Mixin
    CaseInput input;

    @Option(names = {"-r", "--rule"}, paramLabel = "<rule id>", description = "Explain only this rule.")
    String rule;

    @Mixin
    LanguageOption language;

    @Override
    public Integer call() {
        Guide guide = input.loadGuide();
        if (rule != null && !guide.ruleIds().contains(rule)) {
            throw new CliException("guide '" + guide.id() + "' has no rule '" + rule + "'", Hints.didYouMean(rule, guide.ruleIds()));
        }
        Case aCase = input.readCase(guide, main);
        Explanation explanation = guide.compile().explain(aCase);
        PrintWriter out = spec.commandLine().getOut();
        Decision d = explanation.decision();
        Words w = ValueLabels.norwegian(language.locale()) ? Words.NB : Words.EN;
        out.println(w.guide + " " + d.guide().id() + " " + d.guide().version() + w.assessedOn + d.asOf());
        out.println(w.recommendedLevel + d.level().id()
                + (d.level().because().isEmpty() ? "" : w.rule + String.join(", ", d.level().because()) + ")"));
        out.println(w.rulesFired + d.firedRules().size() + w.of + explanation.rules().size()
                + (d.firedRules().isEmpty() ? "" : " (" + String.join(", ", d.firedRules()) + ")"));
        List<RuleCheck> checks = rule == null ? explanation.rules() : List.of(explanation.rule(rule));
        for (RuleCheck check : checks) {
            out.println();
            print(out, check, d, w);
        }
        out.flush();
        return Main.EXIT_OK;
    }

    /**
     * The fixed words of the text in one language. The condition texts come from the engine in its notation; in
     * Norwegian, the words for a composite ("all of") are translated and enum values shown as their labels.
     */
    private record Words(Locale locale, String guide, String assessedOn, String recommendedLevel, String rule, String rulesFired,
                         String of, String fired, String withheld, String notDecided, String notFired, String notInForce,
                         String byException, String missing, String actual, String notGiven, String emits, String source,
                         String noSection, Map<String, String> composites) {
        static final Words EN = new Words(Locale.ENGLISH, "Guide", ", case assessed on ", "Recommended level: ", " (rule: ",
                "Rules fired: ", " of ", "FIRED", "WITHHELD", "not decided", "not fired", "not in force on ", "by the exception ",
                "the case does not give ", "actual: ", "(not given)", "emits: ", "source: ", " (cites no section)", Map.of());
        static final Words NB = new Words(Locale.forLanguageTag("nb"), "Veileder", ", saken vurdert ", "Anbefalt nivå: ",
                " (regel: ", "Regler som slo til: ", " av ", "SLO TIL", "HOLDT TILBAKE", "ikke avgjort", "slo ikke til",
                "gjelder ikke ", "av unntaket ", "saken oppgir ikke ", "i saken: ", "(ikke oppgitt)", "gir: ", "kilde: ",
                " (viser ikke til noe avsnitt)", Map.of("all of", "alle disse", "any of", "minst én av disse", "not", "ikke",
                        "always", "alltid", "if not given: true", "hvis ikke oppgitt: sann", "if not given: false", "hvis ikke oppgitt: usann"));

        /** In English the engine's notation as it is, with the codes the case file uses; in Norwegian with labels. */
        String condition(String text) {
            if (this == EN) {
                return text;
            }
            return text.startsWith("concept ") ? "begrepet " + text.substring("concept ".length())
                    : composites.getOrDefault(text, ValueLabels.described(text, locale));
        }
    }

    static void print(PrintWriter out, RuleCheck r, Decision d, Words w) {
        StringBuilder head = new StringBuilder(r.fired() ? w.fired : r.withheldBy().isPresent() ? w.withheld
                : !r.missing().isEmpty() ? w.notDecided : w.notFired);
        head.append("  ").append(r.rule());
        if (!r.inForce()) {
            head.append("  (").append(w.notInForce).append(d.asOf()).append(')');
        }
        r.withheldBy().ifPresent(by -> head.append("  (").append(w.byException).append(by).append(')'));
        if (!r.missing().isEmpty()) {
            head.append("  (").append(w.missing).append(String.join(", ", r.missing())).append(')');
        }
        out.println(head);
        if (!r.description().isBlank()) {
            out.println(indent(r.description().strip(), "  "));
        }
        for (ConditionCheck c : r.conditions()) {
            String pad = "  " + "  ".repeat(c.depth());
            StringBuilder line = new StringBuilder(pad).append(c.holds() ? HOLDS : c.unknown() ? UNKNOWN : FAILS).append(' ')
                    .append(w.condition(c.condition()));
            if (c.leaf() && !c.actual().isEmpty()) {
                line.append("  (").append(w.actual).append(actual(c, w)).append(')');
            }
            out.println(line);
        }
        out.println("  " + w.emits + (r.codes().isEmpty() ? "-" : String.join(", ", r.codes())));
        out.println("  " + w.source + source(r.source(), w));
        if (r.quote() != null && !r.quote().isBlank()) {
            out.println(indent("\u00ab" + r.quote().strip() + "\u00bb", "    "));
        }
    }

    /** The case's value for a leaf: its label when the leaf compares an enum field ({@code consent.guardians == given}). */
    private static String actual(ConditionCheck c, Words w) {
        if (c.actual().equals("(not given)")) {
            return w.notGiven;
        }
        String field = c.condition().split(" ", 2)[0];
        no.veiviser.internal.engine.Field f = no.veiviser.internal.engine.Field.byPath(field);
        return f == null || w == Words.EN ? c.actual() : ValueLabels.label(f, c.actual(), w.locale);
    }

    private static String source(Source s, Words w) {
        StringBuilder out = new StringBuilder(s.guide());
        if (!s.section().isBlank()) {
            out.append(", ").append(s.section());
        } else {
            out.append(w.noSection);
        }
        if (!s.law().isEmpty()) {
            out.append("; ").append(String.join("; ", s.law()));
        }
        return out.toString();
    }

    private static String indent(String text, String pad) {
        return pad + text.replace("\r\n", "\n").replace("\n", "\n" + pad);
    }
}
