package no.veiviser.examples.bench;

import no.veiviser.CompiledGuide;
import no.veiviser.Decision;
import no.veiviser.Guides;

/**
 * Cold compile (BRIEF §7: ≤ 1.5 s in a fresh JVM): loads the bundled Nittedal guide, compiles it and
 * evaluates one case, then prints the milliseconds from JVM start and from main. Run it several times,
 * each in its own JVM, and take the median:
 *
 * <pre>for i in 1 2 3 4 5; do java -cp examples/target/benchmarks.jar no.veiviser.examples.bench.ColdCompile; done</pre>
 */
public final class ColdCompile {
    private ColdCompile() {}

    public static void main(String[] args) {
        long mainStart = System.nanoTime();
        CompiledGuide nittedal = Guides.bundled("nittedal").compile();
        long compiled = System.nanoTime();
        Decision decision = nittedal.evaluate(BenchCases.all()[1]);
        long evaluated = System.nanoTime();
        long now = System.currentTimeMillis();
        // the JVM's own start time (ms); ProcessHandle's start instant is only as precise as /proc's boot time
        long sinceJvmStart = now - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.printf("cold: %d ms from JVM start to first decision (main: load+compile %d ms, first evaluate %d ms; %d findings)%n",
                sinceJvmStart, (compiled - mainStart) / 1_000_000, (evaluated - compiled) / 1_000_000, decision.findings().size());
    }
}
