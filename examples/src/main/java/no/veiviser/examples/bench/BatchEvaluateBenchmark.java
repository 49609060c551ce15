package no.veiviser.examples.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import no.veiviser.Case;
import no.veiviser.CompiledGuide;
import no.veiviser.Guides;
import no.veiviser.impact.Population;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Batch evaluation, {@code CompiledGuide.evaluateAll}: each thread evaluates lists of {@value #BATCH} cases, many
 * cases per Drools execution; one operation is one case, so the score is cases/s and {@code -prof gc}'s
 * {@code gc.alloc.rate.norm} is bytes per case. Issue 17: ≥ 1,000,000 cases/s on 2 threads for the whole guide,
 * and the slice within 5× of {@code handWritten} (the same lists, one call per case: it has no per-call cost to
 * share). {@code cases=bench} rotates {@link BenchCases} like the other benchmarks; {@code cases=population} is
 * the first {@value #BATCH} cases of {@code Population.generate(…, 1)}, the mix an impact diff runs.
 *
 * <pre>java -jar examples/target/benchmarks.jar BatchEvaluateBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s -t 2</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(2)
@State(Scope.Benchmark)
public class BatchEvaluateBenchmark {
    static final int BATCH = 1024;

    @Param({"bench", "population"})
    public String cases;

    private CompiledGuide nittedal;
    private CompiledGuide slice;
    private List<Case> batch;

    @Setup
    public void setup() {
        nittedal = Guides.bundled("nittedal").compile();
        slice = NittedalSlice.load().compile();
        batch = new ArrayList<>(BATCH);
        Case[] bench = BenchCases.all();
        Population population = Population.generate(BATCH, 1);
        for (int i = 0; i < BATCH; i++) {
            batch.add(cases.equals("bench") ? bench[i % bench.length] : population.get(i));
        }
        batch = List.copyOf(batch);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void drools(Blackhole bh) {
        bh.consume(nittedal.evaluateAll(batch));
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void droolsSlice(Blackhole bh) {
        bh.consume(slice.evaluateAll(batch));
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void handWritten(Blackhole bh) {
        for (int i = 0; i < BATCH; i++) {
            bh.consume(HandWrittenNittedal.evaluate(batch.get(i)));
        }
    }
}
