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
 * Batch throughput: two threads share one compiled guide, each evaluating the rotating cases (BRIEF §7:
 * ≥ 150,000 cases/s on 2 cores, ≤ 8 KiB allocated per evaluation). One operation is one evaluation, so
 * {@code -prof gc}'s {@code gc.alloc.rate.norm} is bytes per evaluation. {@code drools} runs the whole
 * bundled Nittedal guide, {@code droolsSlice} the {@link NittedalSlice}, {@code handWritten} the baseline.
 *
 * <pre>java -jar examples/target/benchmarks.jar BatchThroughputBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s -prof gc</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(2)
public class BatchThroughputBenchmark {

    /** The compiled guide, shared by the threads as the API intends. */
    @State(Scope.Benchmark)
    public static class Shared {
        CompiledGuide nittedal;
        CompiledGuide slice;

        @Setup
        public void setup() {
            nittedal = Guides.bundled("nittedal").compile();
            slice = NittedalSlice.load().compile();
        }
    }

    /** Each thread's own rotation through the cases. */
    @State(Scope.Thread)
    public static class Rotation {
        Case[] cases;
        int next;

        @Setup
        public void setup() {
            cases = BenchCases.all();
        }

        Case next() {
            Case c = cases[next];
            next = next + 1 == cases.length ? 0 : next + 1;
            return c;
        }
    }

    @Benchmark
    public Decision drools(Shared shared, Rotation rotation) {
        return shared.nittedal.evaluate(rotation.next());
    }

    @Benchmark
    public Decision droolsSlice(Shared shared, Rotation rotation) {
        return shared.slice.evaluate(rotation.next());
    }

    @Benchmark
    public HandWrittenNittedal.Result handWritten(Rotation rotation) {
        return HandWrittenNittedal.evaluate(rotation.next());
    }
}
