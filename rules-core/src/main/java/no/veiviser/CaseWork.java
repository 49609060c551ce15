package no.veiviser;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The work under way (the {@code case:} section of a case file): level, step, services, plans.
 *
 * @param level the level the case is at, as the guide writes its id ({@code "2"}, {@code "B"}); a whole number that
 *              is not one of the guide's ids is read as the level's position (0 = the first)
 * @param step the step under way, from the guide's catalogue, as the guide writes its id
 * @param guardiansInvolved whether the guardians are involved
 * @param services the services involved, from the guide's catalogue
 * @param individualPlan whether the child has an individual plan
 * @param childCoordinator whether the child has a child coordinator
 * @param closing whether the case is being closed
 * @param referred the date the case was referred (henvist) to the service, if it was
 * @param coordinator whether an ordinary coordinator (koordinator, helse- og omsorgstjenesteloven § 7-2) is appointed
 *              for the child (empty: not known); a barnekoordinator is {@code childCoordinator}
 */
public record CaseWork(Optional<String> level, Optional<String> step, boolean guardiansInvolved, List<String> services,
                       boolean individualPlan, boolean childCoordinator, boolean closing, Optional<LocalDate> referred,
                       Optional<Boolean> coordinator) {

    /** No work under way. */
    public static final CaseWork NONE = new CaseWork(Optional.empty(), Optional.empty(), false, List.of(), false, false, false, Optional.empty(),
            Optional.empty());

    /**
     * Replaces a null part by its empty value and drops repeated services.
     *
     * @param level the level, as the guide writes its id (or its position)
     * @param step the step under way
     * @param guardiansInvolved whether the guardians are involved
     * @param services the services involved
     * @param individualPlan whether the child has an individual plan
     * @param childCoordinator whether the child has a child coordinator
     * @param closing whether the case is being closed
     * @param referred the date of the referral
     * @param coordinator whether an ordinary coordinator is appointed
     * @throws IllegalArgumentException when the level is blank
     */
    public CaseWork {
        level = level == null ? Optional.empty() : level;
        step = step == null ? Optional.empty() : step;
        services = services == null ? List.of() : Codes.distinct(services);
        referred = referred == null ? Optional.empty() : referred;
        coordinator = coordinator == null ? Optional.empty() : coordinator;
        if (level.isPresent() && level.get().isBlank()) {
            throw new IllegalArgumentException("case.level is blank");
        }
    }

    /**
     * The work under way without saying whether an ordinary coordinator is appointed (not known).
     *
     * @param level the level, as the guide writes its id (or its position)
     * @param step the step under way
     * @param guardiansInvolved whether the guardians are involved
     * @param services the services involved
     * @param individualPlan whether the child has an individual plan
     * @param childCoordinator whether the child has a child coordinator
     * @param closing whether the case is being closed
     * @param referred the date of the referral
     */
    public CaseWork(Optional<String> level, Optional<String> step, boolean guardiansInvolved, List<String> services,
                    boolean individualPlan, boolean childCoordinator, boolean closing, Optional<LocalDate> referred) {
        this(level, step, guardiansInvolved, services, individualPlan, childCoordinator, closing, referred, Optional.empty());
    }

    /**
     * @param level the level's position (0 = the first level)
     * @return work at {@code level}, nothing else given
     */
    public static CaseWork atLevel(int level) {
        return atLevel(String.valueOf(level));
    }

    /**
     * @param level the level's id as the guide writes it ({@code "B"}), or its position as a number
     * @return work at {@code level}, nothing else given
     */
    public static CaseWork atLevel(String level) {
        return new CaseWork(Optional.of(level), Optional.empty(), false, List.of(), false, false, false, Optional.empty());
    }

    /**
     * @param value whether the guardians are involved
     * @return a copy with {@code guardiansInvolved} set to {@code value}
     */
    public CaseWork withGuardiansInvolved(boolean value) {
        return new CaseWork(level, step, value, services, individualPlan, childCoordinator, closing, referred, coordinator);
    }

    /**
     * @param value the service codes involved, from the guide's catalogue
     * @return a copy with these services
     */
    public CaseWork withServices(String... value) {
        return new CaseWork(level, step, guardiansInvolved, List.of(value), individualPlan, childCoordinator, closing, referred, coordinator);
    }

    /**
     * @param value the step under way
     * @return a copy with this step
     */
    public CaseWork withStep(String value) {
        return new CaseWork(level, Optional.of(value), guardiansInvolved, services, individualPlan, childCoordinator, closing, referred, coordinator);
    }

    /**
     * @param value the date of the referral
     * @return a copy with this referral date
     */
    public CaseWork withReferred(LocalDate value) {
        return new CaseWork(level, step, guardiansInvolved, services, individualPlan, childCoordinator, closing, Optional.of(value), coordinator);
    }
}
