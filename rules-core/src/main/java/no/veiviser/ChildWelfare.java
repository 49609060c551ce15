package no.veiviser;

/** What child welfare (barneverntjenesten) knows and does in the case. */
public record ChildWelfare(boolean informed, boolean recommendsFollowUp, boolean decision, boolean measureActive) {
    /** Child welfare neither informed nor involved. */
    public static final ChildWelfare NONE = new ChildWelfare(false, false, false, false);
}
