package no.veiviser.examples.bench;

import java.util.concurrent.TimeUnit;
import no.veiviser.Case;
import no.veiviser.CompiledGuide;
import no.veiviser.Decision;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One case evaluated on one thread (BRIEF §7: median ≤ 10 µs, p99 ≤ 50 µs against the Nittedal guide, and
 * within 10× of a hand-written evaluator of the same rules). SampleTime gives the median and p99.
 * <ul>
 *   <li>{@code drools}: the whole bundled Nittedal guide, as a case system runs it;</li>
 *   <li>{@code droolsSlice}: the same engine on {@link NittedalSlice}, only the rules the baseline mirrors;</li>
 *   <li>{@code handWritten}: {@link HandWrittenNittedal}, the floor. The ratio bar is droolsSlice / handWritten.</li>
 * </ul>
 * The cases rotate through {@link BenchCases} so no benchmark sees one constant case.
 *
 * <pre>java -jar examples/target/benchmarks.jar EvaluateBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s</pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
@State(Scope.Thread)
public class EvaluateBenchmark {
    private CompiledGuide nittedal;
    private CompiledGuide slice;
    private Case[] cases;
    private int next;

    @Setup
    public void setup() {
        nittedal = Guides.bundled("nittedal").compile();
        slice = NittedalSlice.load().compile();
        cases = BenchCases.all();
    }

    private Case nextCase() {
        Case c = cases[next];
        next = next + 1 == cases.length ? 0 : next + 1;
        return c;
    }

    /** The rule engine on the whole guide: Guides.bundled("nittedal").compile().evaluate(case). */
    @Benchmark
    public Decision drools() {
        return nittedal.evaluate(nextCase());
    }

    /** The rule engine on only the rules the baseline mirrors. */
    @Benchmark
    public Decision droolsSlice() {
        return slice.evaluate(nextCase());
    }

    /** The floor: the same rules written by hand in plain Java. */
    @Benchmark
    public HandWrittenNittedal.Result handWritten() {
        return HandWrittenNittedal.evaluate(nextCase());
    }
}
