package no.veiviser;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** The work under way (the {@code case:} section of a case file): level, step, services, plans. */
public record CaseWork(OptionalInt level, Optional<String> step, boolean guardiansInvolved, List<String> services,
                       boolean individualPlan, boolean childCoordinator, boolean closing) {

    public static final CaseWork NONE = new CaseWork(OptionalInt.empty(), Optional.empty(), false, List.of(), false, false, false);

    public CaseWork {
        level = level == null ? OptionalInt.empty() : level;
        step = step == null ? Optional.empty() : step;
        services = services == null ? List.of() : List.copyOf(services.stream().distinct().toList());
        if (level.isPresent() && (level.getAsInt() < 0 || level.getAsInt() > 3)) {
            throw new IllegalArgumentException("case.level must be 0-3, not " + level.getAsInt());
        }
    }

    public static CaseWork atLevel(int level) {
        return new CaseWork(OptionalInt.of(level), Optional.empty(), false, List.of(), false, false, false);
    }

    public CaseWork withGuardiansInvolved(boolean value) {
        return new CaseWork(level, step, value, services, individualPlan, childCoordinator, closing);
    }

    public CaseWork withServices(String... value) {
        return new CaseWork(level, step, guardiansInvolved, List.of(value), individualPlan, childCoordinator, closing);
    }
}
