package no.veiviser;

import java.time.LocalDate;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The child: age (or birth date), daily setting, and whether the child lives in the municipality.
 * Exactly one of {@code birthDate} and {@code age} is given when the child is known; the age used by the
 * rules is the age in whole years at the case's {@code asOf} date.
 */
public record Child(Optional<LocalDate> birthDate, OptionalInt age, Optional<Setting> setting, boolean livesInMunicipality) {

    /** Where the child spends the day. */
    public enum Setting {
        /** Kindergarten (barnehage). */
        KINDERGARTEN,
        /** School, including after-school care. */
        SCHOOL,
        /** Neither kindergarten nor school. */
        NONE,
        /** Another setting. */
        OTHER;

        private final String code = Codes.of(this);

        /** @return the code for this value in case files and JSON (lower case, with hyphens) */
        public String code() {
            return code;
        }
    }

    /** Nothing known about the child (living in the municipality). */
    public static final Child UNKNOWN = new Child(Optional.empty(), OptionalInt.empty(), Optional.empty(), true);

    /**
     * Replaces a null part by its empty value.
     *
     * @param birthDate the birth date, if given
     * @param age the age in whole years, if given instead
     * @param setting where the child spends the day
     * @param livesInMunicipality whether the child lives in the municipality
     * @throws IllegalArgumentException when both birth date and age are given, or the age is not 0-30
     */
    public Child {
        birthDate = birthDate == null ? Optional.empty() : birthDate;
        age = age == null ? OptionalInt.empty() : age;
        setting = setting == null ? Optional.empty() : setting;
        if (birthDate.isPresent() && age.isPresent()) {
            throw new IllegalArgumentException("give either the child's birthDate or age, not both");
        }
        if (age.isPresent() && (age.getAsInt() < 0 || age.getAsInt() > 30)) {
            throw new IllegalArgumentException("the child's age must be between 0 and 30");
        }
    }

    /**
     * @param age the child's age in whole years
     * @return a child of that age, living in the municipality
     */
    public static Child aged(int age) {
        return new Child(Optional.empty(), OptionalInt.of(age), Optional.empty(), true);
    }

    /**
     * @param birthDate the child's birth date
     * @return a child born on that date, living in the municipality
     */
    public static Child bornOn(LocalDate birthDate) {
        return new Child(Optional.of(birthDate), OptionalInt.empty(), Optional.empty(), true);
    }

    /**
     * @param value where the child spends the day
     * @return a copy with that setting
     */
    public Child withSetting(Setting value) {
        return new Child(birthDate, age, Optional.of(value), livesInMunicipality);
    }

    /**
     * @param value whether the child lives in the municipality
     * @return a copy with that value
     */
    public Child withLivesInMunicipality(boolean value) {
        return new Child(birthDate, age, setting, value);
    }

    /**
     * Age in whole years at {@code date}; a 29 February birthday counts as 1 March in common years.
     *
     * @param date the date to count to
     * @return the age, or empty when neither age nor birth date is known
     */
    public OptionalInt ageAt(LocalDate date) {
        if (birthDate.isPresent()) {
            LocalDate born = birthDate.get();
            if (date.isBefore(born)) {
                return OptionalInt.empty();
            }
            return OptionalInt.of(no.veiviser.internal.Dates.years(born, date));
        }
        return age;
    }
}
