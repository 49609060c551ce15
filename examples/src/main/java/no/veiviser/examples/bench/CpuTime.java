package no.veiviser.examples.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import no.veiviser.Case;
import no.veiviser.CompiledGuide;
import no.veiviser.Decision;
import no.veiviser.Guides;
import no.veiviser.impact.Population;

/**
 * Thread CPU time per case, for a machine others are loading: JMH's wall-clock scores swing by ±100 % at a load
 * average of 10 on 2 cores, while the CPU time a thread spends per case stays within a few per cent (it still
 * rises somewhat under load: caches and the other hyper-thread are shared). Rounds of 0.3 s CPU each, the whole
 * Nittedal guide, the {@link NittedalSlice} and {@link HandWrittenNittedal}, one case per call and
 * {@code evaluateAll} over lists of 1,024 ({@code BatchEvaluateBenchmark}'s lists: the population's first 1,024 and
 * {@link BenchCases} rotated); the median of the last {@code rounds - 4} rounds. Run with {@code -Dveiviser.recompileAfter=0}
 * to measure the DRL-compiled rules from the start, with {@code -Dveiviser.prebuilt=false} the same without prebuilt rules.
 *
 * <pre>java -cp examples/target/benchmarks.jar no.veiviser.examples.bench.CpuTime 16</pre>
 */
public final class CpuTime {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
    private static long sink;

    private CpuTime() {}

    public static void main(String[] args) throws InterruptedException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        CompiledGuide nittedal = Guides.bundled("nittedal").compile();
        CompiledGuide slice = NittedalSlice.load().compile();
        Map<String, List<Case>> lists = new LinkedHashMap<>();
        Population population = Population.generate(1024, 1);
        Case[] bench = BenchCases.all();
        List<Case> p = new ArrayList<>();
        List<Case> b = new ArrayList<>();
        for (int i = 0; i < 1024; i++) {
            p.add(population.get(i));
            b.add(bench[i % bench.length]);
        }
        lists.put("population", List.copyOf(p));
        lists.put("bench", List.copyOf(b));
        Map<String, ToIntFunction<List<Case>>> runs = new LinkedHashMap<>();
        runs.put("evaluate whole guide", cases -> each(cases, nittedal));
        runs.put("evaluate slice", cases -> each(cases, slice));
        runs.put("evaluate hand-written", cases -> {
            int n = 0;
            for (Case c : cases) {
                n += HandWrittenNittedal.evaluate(c).codes().size();
            }
            return n;
        });
        runs.put("evaluateAll whole guide", cases -> all(nittedal.evaluateAll(cases)));
        runs.put("evaluateAll slice", cases -> all(slice.evaluateAll(cases)));
        // The recompile to the DRL rules (after 200,000 cases) happens in the first rounds' warm-up.
        for (Map.Entry<String, List<Case>> list : lists.entrySet()) {
            Map<String, List<Double>> ns = new LinkedHashMap<>();
            for (int r = 0; r < rounds; r++) {
                for (Map.Entry<String, ToIntFunction<List<Case>>> run : runs.entrySet()) {
                    double perCase = round(run.getValue(), list.getValue());
                    if (r >= 4) {
                        ns.computeIfAbsent(run.getKey(), k -> new ArrayList<>()).add(perCase);
                    }
                }
                if (r == 2) {
                    Thread.sleep(3000); // let a background recompile finish outside the measured rounds
                }
            }
            double hand = median(ns.get("evaluate hand-written"));
            for (Map.Entry<String, List<Double>> e : ns.entrySet()) {
                double m = median(e.getValue());
                System.out.printf("%-10s %-24s %9.0f ns CPU per case (%5.1f× hand-written; min %.0f, max %.0f)%n", list.getKey(),
                        e.getKey(), m, m / hand, e.getValue().stream().mapToDouble(Double::doubleValue).min().orElse(0),
                        e.getValue().stream().mapToDouble(Double::doubleValue).max().orElse(0));
            }
        }
        System.out.println("(" + sink + ")");
    }

    private static double round(ToIntFunction<List<Case>> run, List<Case> cases) {
        long start = MX.getCurrentThreadCpuTime();
        long end = start + 300_000_000L;
        long n = 0;
        long now;
        do {
            sink += run.applyAsInt(cases);
            n += cases.size();
            now = MX.getCurrentThreadCpuTime();
        } while (now < end);
        return (now - start) / (double) n;
    }

    private static int each(List<Case> cases, CompiledGuide guide) {
        int n = 0;
        for (Case c : cases) {
            n += guide.evaluate(c).findings().size();
        }
        return n;
    }

    private static int all(List<Decision> decisions) {
        int n = 0;
        for (Decision d : decisions) {
            n += d.findings().size();
        }
        return n;
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v[v.length / 2];
    }
}
