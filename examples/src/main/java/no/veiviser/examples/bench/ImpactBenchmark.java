package no.veiviser.examples.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import no.veiviser.CompiledGuide;
import no.veiviser.Guides;
import no.veiviser.impact.ImpactDiff;
import no.veiviser.impact.ImpactReport;
import no.veiviser.impact.Population;
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
 * The work of one "Beregn virkningen" in the workbench once the served guide's baseline is filled (issue 27): the
 * bundled Nittedal guide against its text with {@code involve-guardians-within} 4 → 6 weeks, over the page's 100,000
 * generated cases, on one thread. The page's request runs the same diff on two threads, and also reads and compiles
 * the edited text; this is the CPU a request costs, which decides how four users at once share two cores.
 *
 * <pre>java -jar examples/target/benchmarks.jar ImpactBenchmark -f 1 -wi 5 -w 2s -i 10 -r 2s</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class ImpactBenchmark {
    private static final int CASES = 100_000;
    private CompiledGuide base;
    private CompiledGuide sixWeeks;
    private ImpactDiff.Baseline baseline;

    @Setup
    public void setup() {
        base = Guides.bundled("nittedal").compile();
        String text = bundledText("nittedal");
        String edited = text.replaceFirst("(involve-guardians-within:\\n(?: {4}.*\\n)*? {4}value: )4", "$16");
        if (edited.equals(text)) {
            throw new IllegalStateException("the Nittedal guide no longer has involve-guardians-within: 4");
        }
        sixWeeks = Guides.parse(edited, Path.of("nittedal", "guide.yaml")).compile();
        baseline = ImpactDiff.Baseline.of(base, Population.generate(CASES, 1));
        ImpactDiff.between(base, base).threads(1).baseline(baseline).run(Population.generate(CASES, 1));
        if (!baseline.complete()) {
            throw new IllegalStateException("the baseline is not filled");
        }
    }

    /** The edited text against the served guide's kept outcomes, as the page's request computes it. */
    @Benchmark
    public ImpactReport diff100k() {
        return ImpactDiff.between(base, sixWeeks).threads(1).baseline(baseline).run(Population.generate(CASES, 1));
    }

    private static String bundledText(String id) {
        try (InputStream in = ImpactBenchmark.class.getClassLoader().getResourceAsStream("veiviser/guides/" + id + "/guide.yaml")) {
            if (in == null) {
                throw new IllegalStateException("no bundled guide " + id);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
