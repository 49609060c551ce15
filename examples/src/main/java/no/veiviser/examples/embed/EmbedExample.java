package no.veiviser.examples.embed;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import no.veiviser.Case;
import no.veiviser.CaseException;
import no.veiviser.Cases;
import no.veiviser.Child;
import no.veiviser.CompiledGuide;
import no.veiviser.Concern;
import no.veiviser.Decision;
import no.veiviser.Guides;
import no.veiviser.Problem;

/**
 * Embedding Veiviser in a plain Java program: load and compile a guide once, then evaluate many cases, from
 * several threads. Run: {@code mvn -q -pl examples exec:java}-style, or from the IDE; arguments are case files
 * (YAML or JSON); without arguments it evaluates cases built in Java.
 */
public final class EmbedExample {
    private EmbedExample() {}

    public static void main(String[] args) throws Exception {
        // 1. Load and compile once: a fraction of a second. The CompiledGuide is immutable and thread-safe: share it.
        CompiledGuide nittedal = Guides.bundled("nittedal").compile();

        // 2. Cases: from files (with located errors), or built in Java.
        List<Case> cases = new ArrayList<>();
        for (String file : args) {
            try {
                cases.add(Cases.read(Path.of(file), nittedal.guide()));
            } catch (CaseException e) {
                for (Problem p : e.problems()) {
                    System.err.println(p); // file:line:column: message, and a hint
                }
            }
        }
        if (args.length == 0) {
            LocalDate asOf = LocalDate.parse("2026-11-24");
            for (int age = 0; age <= 17; age++) {
                cases.add(Case.on(asOf).withChild(Child.aged(age)).withConcern(Concern.of("wellbeing-concern")));
                cases.add(Case.on(asOf).withChild(Child.aged(age)).withConcern(Concern.of("violence-suspected")));
            }
        }

        // 3. Evaluate many, on as many threads as you like: microseconds each, no shared mutable state.
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
        try {
            List<Future<Decision>> decisions = new ArrayList<>();
            for (Case c : cases) {
                decisions.add(pool.submit(() -> nittedal.evaluate(c)));
            }
            for (int i = 0; i < decisions.size(); i++) {
                Decision d = decisions.get(i).get();
                // Programs react to the stable finding codes; people read the texts and sources (d.toText(...)).
                System.out.println("case " + i + ": level " + d.level().recommended() + " " + d.codes());
            }
        } finally {
            pool.shutdown();
        }
    }
}
