package no.veiviser.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import no.veiviser.Case;
import no.veiviser.Decision;
import no.veiviser.Explanation;
import no.veiviser.Explanation.ConditionCheck;
import no.veiviser.Explanation.RuleCheck;
import no.veiviser.Guide;
import no.veiviser.Source;
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
            "%nExit 0; 2 for bad input or an unknown --rule."},
        footerHeading = "%nExamples:%n",
        footer = {"  veiviser explain --guide nittedal examples/cases/worry-level-1.yaml",
            "  veiviser explain --guide nittedal --rule nittedal.level1.involve-guardians examples/cases/worry-level-1.yaml"})
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
        out.println("Guide " + d.guide().id() + " " + d.guide().version() + ", case assessed on " + d.asOf());
        out.println("Recommended level: " + d.level().recommended()
                + (d.level().because().isEmpty() ? "" : " (rule: " + String.join(", ", d.level().because()) + ")"));
        out.println("Rules fired: " + d.firedRules().size() + " of " + explanation.rules().size()
                + (d.firedRules().isEmpty() ? "" : " (" + String.join(", ", d.firedRules()) + ")"));
        List<RuleCheck> checks = rule == null ? explanation.rules() : List.of(explanation.rule(rule));
        for (RuleCheck check : checks) {
            out.println();
            print(out, check, d);
        }
        out.flush();
        return Main.EXIT_OK;
    }

    static void print(PrintWriter out, RuleCheck r, Decision d) {
        StringBuilder head = new StringBuilder(r.fired() ? "FIRED" : r.withheldBy().isPresent() ? "WITHHELD"
                : !r.missing().isEmpty() ? "not decided" : "not fired");
        head.append("  ").append(r.rule());
        if (!r.inForce()) {
            head.append("  (not in force on ").append(d.asOf()).append(')');
        }
        r.withheldBy().ifPresent(by -> head.append("  (by the exception ").append(by).append(')'));
        if (!r.missing().isEmpty()) {
            head.append("  (the case does not give ").append(String.join(", ", r.missing())).append(')');
        }
        out.println(head);
        if (!r.description().isBlank()) {
            out.println(indent(r.description().strip(), "  "));
        }
        for (ConditionCheck c : r.conditions()) {
            String pad = "  " + "  ".repeat(c.depth());
            StringBuilder line = new StringBuilder(pad).append(c.holds() ? HOLDS : c.unknown() ? UNKNOWN : FAILS).append(' ').append(c.condition());
            if (c.leaf() && !c.actual().isEmpty()) {
                line.append("  (actual: ").append(c.actual()).append(')');
            }
            out.println(line);
        }
        out.println("  emits: " + (r.codes().isEmpty() ? "-" : String.join(", ", r.codes())));
        out.println("  source: " + source(r.source()));
        if (r.quote() != null && !r.quote().isBlank()) {
            out.println(indent("\u00ab" + r.quote().strip() + "\u00bb", "    "));
        }
    }

    private static String source(Source s) {
        StringBuilder out = new StringBuilder(s.guide());
        if (!s.section().isBlank()) {
            out.append(", ").append(s.section());
        } else {
            out.append(" (cites no section)");
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
