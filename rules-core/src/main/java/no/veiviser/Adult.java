package no.veiviser;

import java.time.LocalDate;
import java.util.Optional;

/** Facts about the adult client, when the reporter is an adult service. */
public record Adult(Optional<Boolean> hasChildren, SocialAssistance socialAssistance, Optional<LocalDate> refugeeSettledOn,
                    PatientCondition patientCondition, Optional<Boolean> patientIsSibling) {

    /** Whether the client receives social assistance (økonomisk sosialhjelp). */
    public enum SocialAssistance {
        /** No social assistance. */
        NONE,
        /** A first application for social assistance. */
        FIRST_APPLICATION,
        /** Social assistance is being received. */
        ONGOING;

        private final String code = Codes.of(this);

        /** @return the code for this value in case files and JSON (lower case, with hyphens) */
        public String code() {
            return code;
        }
    }

    /** The adult patient's condition, when it bears on children as next of kin. */
    public enum PatientCondition {
        /** None that bears on the children. */
        NONE,
        /** Mental illness. */
        MENTAL_ILLNESS,
        /** Substance abuse. */
        SUBSTANCE_ABUSE,
        /** Serious physical illness. */
        SERIOUS_ILLNESS,
        /** Serious injury. */
        INJURY;

        private final String code = Codes.of(this);

        /** @return the code for this value in case files and JSON (lower case, with hyphens) */
        public String code() {
            return code;
        }
    }

    /** No facts about an adult client. */
    public static final Adult NONE = new Adult(Optional.empty(), SocialAssistance.NONE, Optional.empty(), PatientCondition.NONE,
            Optional.empty());

    /**
     * Replaces a null part by its empty value.
     *
     * @param hasChildren whether the client has children (empty: not known)
     * @param socialAssistance the client's social assistance
     * @param refugeeSettledOn when the client was settled as a refugee, if so
     * @param patientCondition the client's condition as a patient
     * @param patientIsSibling whether the client (the patient) is a sibling of the child the case is about, so that
     *     the child is next of kin as a sibling rather than as the patient's own child (empty: not known)
     */
    public Adult {
        hasChildren = hasChildren == null ? Optional.empty() : hasChildren;
        socialAssistance = socialAssistance == null ? SocialAssistance.NONE : socialAssistance;
        refugeeSettledOn = refugeeSettledOn == null ? Optional.empty() : refugeeSettledOn;
        patientCondition = patientCondition == null ? PatientCondition.NONE : patientCondition;
        patientIsSibling = patientIsSibling == null ? Optional.empty() : patientIsSibling;
    }

    /**
     * The facts about an adult client without saying whether the client is the child's sibling.
     *
     * @param hasChildren whether the client has children (empty: not known)
     * @param socialAssistance the client's social assistance
     * @param refugeeSettledOn when the client was settled as a refugee, if so
     * @param patientCondition the client's condition as a patient
     */
    public Adult(Optional<Boolean> hasChildren, SocialAssistance socialAssistance, Optional<LocalDate> refugeeSettledOn,
                 PatientCondition patientCondition) {
        this(hasChildren, socialAssistance, refugeeSettledOn, patientCondition, Optional.empty());
    }
}
