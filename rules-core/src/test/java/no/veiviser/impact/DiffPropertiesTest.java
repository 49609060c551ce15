package no.veiviser.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import no.veiviser.CompiledGuide;
import no.veiviser.Guides;

/** Properties of diffs over generated populations: no change against itself, and mirror images. */
class DiffPropertiesTest {
    private static final CompiledGuide BASE = Guides.load(DiffFixtures.BASE).compile();
    private static final CompiledGuide SAME = Guides.load(DiffFixtures.BASE).compile();
    private static final List<CompiledGuide> CHANGED = List.of(
            DiffFixtures.changed(DiffFixtures.CONSENT_16).compile(),
            DiffFixtures.changed(DiffFixtures.SIX_WEEKS).compile(),
            DiffFixtures.changed(DiffFixtures.VIOLENCE_LEVEL_2).compile(),
            DiffFixtures.changed(DiffFixtures.NO_INVOLVE).compile());
    private static final CompiledGuide NORGE = Guides.bundled("norge").compile();

    @Property(tries = 30)
    void aGuideAgainstItselfChangesNothing(@ForAll long seed) {
        ImpactReport r = ImpactDiff.run(BASE, SAME, Population.generate(300, seed), 2);
        assertThat(r.changedCases()).isZero();
        assertThat(r.groups()).isEmpty();
        assertThat(r.guideDiff().isEmpty()).isTrue();
        assertThat(ImpactDiff.run(NORGE, NORGE, Population.generate(100, seed), 1).hasChanges()).isFalse();
    }

    @Property(tries = 30)
    void baseToChangedMirrorsChangedToBase(@ForAll long seed, @ForAll @IntRange(min = 0, max = 3) int which) {
        CompiledGuide changed = CHANGED.get(which);
        ImpactReport forward = ImpactDiff.run(BASE, changed, Population.generate(300, seed), 2);
        ImpactReport backward = ImpactDiff.run(changed, BASE, Population.generate(300, seed), 1);
        assertThat(backward.changedCases()).isEqualTo(forward.changedCases());
        assertThat(mirrored(backward)).isEqualTo(counts(forward));
        assertThat(backward.guideDiff().rules().size()).isEqualTo(forward.guideDiff().rules().size());
        assertThat(backward.guideDiff().parameters().size()).isEqualTo(forward.guideDiff().parameters().size());
    }

    private static Map<String, Long> counts(ImpactReport r) {
        Map<String, Long> out = new TreeMap<>();
        r.groups().forEach(g -> out.put(g.kind() + " " + g.what(), g.count()));
        return out;
    }

    /** The groups as the opposite diff would name them. */
    private static Map<String, Long> mirrored(ImpactReport r) {
        Map<String, Long> out = new TreeMap<>();
        for (ImpactReport.Group g : r.groups()) {
            String key = switch (g.kind()) {
                case CODE_ADDED -> ImpactReport.Kind.CODE_REMOVED + " " + g.subject();
                case CODE_REMOVED -> ImpactReport.Kind.CODE_ADDED + " " + g.subject();
                case LEVEL_CHANGED -> {
                    String[] ft = g.change().split(" -> ");
                    yield g.kind() + " level " + ft[1] + " -> " + ft[0];
                }
                case WHO_CHANGED -> {
                    String[] ft = g.change().split(" -> ");
                    yield g.kind() + " " + g.subject() + " " + ft[1] + " -> " + ft[0];
                }
                case REJECTED -> g.kind() + " by " + (g.subject().equals("base guide") ? "changed guide" : "base guide") + ": " + g.change();
                case DUE_MOVED -> g.kind() + " " + g.subject() + " " + switch (g.change()) {
                    case "due set" -> "due removed";
                    case "due removed" -> "due set";
                    default -> {
                        long d = -Long.parseLong(g.change().split(" ")[0].replace("+", ""));
                        yield (d > 0 ? "+" : "") + d + (Math.abs(d) == 1 ? " day" : " days");
                    }
                };
            };
            out.put(key, g.count());
        }
        return out;
    }
}
