package no.veiviser;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** The work under way (the {@code case:} section of a case file): level, step, services, plans. */
public record CaseWork(OptionalInt level, Optional<String> step, boolean guardiansInvolved, List<String> services,
                       boolean individualPlan, boolean childCoordinator, boolean closing) {

    /** No work under way. */
    public static final CaseWork NONE = new CaseWork(OptionalInt.empty(), Optional.empty(), false, List.of(), false, false, false);

    /**
     * Replaces a null part by its empty value and drops repeated services.
     *
     * @param level the level the case is at (0-3)
     * @param step the step under way, from the guide's catalogue
     * @param guardiansInvolved whether the guardians are involved
     * @param services the services involved, from the guide's catalogue
     * @param individualPlan whether the child has an individual plan
     * @param childCoordinator whether the child has a child coordinator
     * @param closing whether the case is being closed
     * @throws IllegalArgumentException when the level is not 0-3
     */
    public CaseWork {
        level = level == null ? OptionalInt.empty() : level;
        step = step == null ? Optional.empty() : step;
        services = services == null ? List.of() : List.copyOf(services.stream().distinct().toList());
        if (level.isPresent() && (level.getAsInt() < 0 || level.getAsInt() > 3)) {
            throw new IllegalArgumentException("case.level must be 0-3");
        }
    }

    /**
     * @param level the level the case is at (0-3)
     * @return work at {@code level}, nothing else given
     */
    public static CaseWork atLevel(int level) {
        return new CaseWork(OptionalInt.of(level), Optional.empty(), false, List.of(), false, false, false);
    }

    /**
     * @param value whether the guardians are involved
     * @return a copy with {@code guardiansInvolved} set to {@code value}
     */
    public CaseWork withGuardiansInvolved(boolean value) {
        return new CaseWork(level, step, value, services, individualPlan, childCoordinator, closing);
    }

    /**
     * @param value the service codes involved, from the guide's catalogue
     * @return a copy with these services
     */
    public CaseWork withServices(String... value) {
        return new CaseWork(level, step, guardiansInvolved, List.of(value), individualPlan, childCoordinator, closing);
    }
}
