package no.veiviser;

import java.time.LocalDate;
import java.util.Optional;

/** Facts about the adult client, when the reporter is an adult service. */
public record Adult(Optional<Boolean> hasChildren, SocialAssistance socialAssistance, Optional<LocalDate> refugeeSettledOn,
                    PatientCondition patientCondition) {

    public enum SocialAssistance {
        NONE, FIRST_APPLICATION, ONGOING;

        public String code() {
            return Codes.of(this);
        }
    }

    public enum PatientCondition {
        NONE, MENTAL_ILLNESS, SUBSTANCE_ABUSE, SERIOUS_ILLNESS, INJURY;

        public String code() {
            return Codes.of(this);
        }
    }

    public static final Adult NONE = new Adult(Optional.empty(), SocialAssistance.NONE, Optional.empty(), PatientCondition.NONE);

    public Adult {
        hasChildren = hasChildren == null ? Optional.empty() : hasChildren;
        socialAssistance = socialAssistance == null ? SocialAssistance.NONE : socialAssistance;
        refugeeSettledOn = refugeeSettledOn == null ? Optional.empty() : refugeeSettledOn;
        patientCondition = patientCondition == null ? PatientCondition.NONE : patientCondition;
    }
}
