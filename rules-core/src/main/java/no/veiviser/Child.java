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
        KINDERGARTEN, SCHOOL, NONE, OTHER;

        public String code() {
            return Codes.of(this);
        }
    }

    public static final Child UNKNOWN = new Child(Optional.empty(), OptionalInt.empty(), Optional.empty(), true);

    public Child {
        birthDate = birthDate == null ? Optional.empty() : birthDate;
        age = age == null ? OptionalInt.empty() : age;
        setting = setting == null ? Optional.empty() : setting;
        if (birthDate.isPresent() && age.isPresent()) {
            throw new IllegalArgumentException("give either the child's birthDate or age, not both");
        }
        if (age.isPresent() && (age.getAsInt() < 0 || age.getAsInt() > 30)) {
            throw new IllegalArgumentException("the child's age must be between 0 and 30, not " + age.getAsInt());
        }
    }

    public static Child aged(int age) {
        return new Child(Optional.empty(), OptionalInt.of(age), Optional.empty(), true);
    }

    public static Child bornOn(LocalDate birthDate) {
        return new Child(Optional.of(birthDate), OptionalInt.empty(), Optional.empty(), true);
    }

    public Child withSetting(Setting value) {
        return new Child(birthDate, age, Optional.of(value), livesInMunicipality);
    }

    public Child withLivesInMunicipality(boolean value) {
        return new Child(birthDate, age, setting, value);
    }

    /** Age in whole years at {@code date}; a 29 February birthday counts as 1 March in common years. */
    public OptionalInt ageAt(LocalDate date) {
        if (birthDate.isPresent()) {
            LocalDate born = birthDate.get();
            if (date.isBefore(born)) {
                return OptionalInt.empty();
            }
            return OptionalInt.of(java.time.Period.between(born, date).getYears());
        }
        return age;
    }
}
