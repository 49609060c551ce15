package no.veiviser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import no.veiviser.internal.Access;
import no.veiviser.internal.model.GuideModel;
import no.veiviser.internal.model.Invariant;
import no.veiviser.verify.InvariantCheck;
import no.veiviser.verify.Verifier;
import no.veiviser.verify.VerifyReport;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * What verify proves holds on generated cases too: for every invariant it proves, of the bundled guides and of
 * the test guides, no generated case's decision violates it (checked by {@link InvariantCheck}, without SAT).
 */
class VerifiedInvariantsPropertyTest {
    record Proved(CompiledGuide compiled, GuideModel model, InvariantCheck check, List<Invariant> invariants) {}

    static final List<Proved> PROVED = proved();

    private static List<Proved> proved() {
        List<Guide> guides = new ArrayList<>();
        Guides.bundledIds().forEach(id -> guides.add(Guides.bundled(id)));
        guides.add(Guides.load(Path.of("src/test/resources/verify/proved/guide.yaml")));
        guides.add(Guides.load(Path.of("src/test/resources/verify/fixed/guide.yaml")));
        List<Proved> out = new ArrayList<>();
        for (Guide g : guides) {
            VerifyReport report = Verifier.verify(g);
            GuideModel model = Access.model(g);
            List<Invariant> proved = model.invariants().stream()
                    .filter(inv -> report.invariants().stream().anyMatch(r -> r.id().equals(inv.id()) && r.proved())).toList();
            if (!proved.isEmpty()) {
                out.add(new Proved(g.compile(), model, new InvariantCheck(model), proved));
            }
        }
        return out;
    }

    @Provide
    Arbitrary<Case> cases() {
        return CaseArbitraries.cases();
    }

    @Property(tries = 1000)
    void noGeneratedCaseViolatesAProvedInvariant(@ForAll("cases") Case generated) {
        assertThat(PROVED.stream().mapToInt(p -> p.invariants().size()).sum()).as("proved invariants to check").isGreaterThanOrEqualTo(6);
        for (Proved p : PROVED) {
            Case c = within(generated, p.model());
            Decision d = p.compiled().evaluate(c);
            for (Invariant inv : p.invariants()) {
                assertThat(p.check().violated(inv, c, d)).as("%s: invariant %s, proved by verify, on %s", p.model().id(), inv.id(), c).isFalse();
            }
        }
    }

    /** The case with only the signals and services the guide's catalogues know (the others would be refused). */
    static Case within(Case c, GuideModel guide) {
        Set<String> signals = guide.signals().keySet();
        Set<String> services = guide.services().keySet();
        Concern concern = c.concern();
        CaseWork work = c.work();
        return c.withConcern(new Concern(concern.since(), concern.signals().stream().filter(signals::contains).toList(),
                        concern.uncertainPlacement(), concern.progress()))
                .withWork(new CaseWork(work.level(), Optional.empty(), work.guardiansInvolved(),
                        work.services().stream().filter(services::contains).toList(), work.individualPlan(), work.childCoordinator(), work.closing(), work.referred()));
    }
}
