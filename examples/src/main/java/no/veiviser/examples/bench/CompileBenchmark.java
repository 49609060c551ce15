package no.veiviser.examples.bench;

import java.util.concurrent.TimeUnit;
import no.veiviser.CompiledGuide;
import no.veiviser.Guide;
import no.veiviser.Guides;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Compiling the Nittedal guide in a warm JVM (BRIEF §7: ≤ 200 ms warm). {@code loadAndCompile} reads and
 * validates the YAML (norge + nittedal) and builds the Drools rule base; {@code compile} only builds.
 * Cold compile in a fresh JVM is {@link ColdCompile}.
 *
 * <pre>java -jar examples/target/benchmarks.jar CompileBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class CompileBenchmark {
    private Guide guide;

    @Setup
    public void setup() {
        guide = Guides.bundled("nittedal");
    }

    @Benchmark
    public CompiledGuide loadAndCompile() {
        return Guides.bundled("nittedal").compile();
    }

    @Benchmark
    public CompiledGuide compile() {
        return guide.compile();
    }
}
