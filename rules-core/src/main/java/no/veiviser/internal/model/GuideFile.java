package no.veiviser.internal.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.veiviser.internal.yaml.Location;

/**
 * One guide file as written, before it is merged with the guide it extends. {@code codes} maps a code to its
 * label (null where the file only adds tags to a code of the base guide); {@code tags} holds the tags the file
 * gives its codes.
 */
record GuideFile(String id, String title, Optional<String> municipality, String version, Optional<String> extendsId,
                 Location extendsAt, Optional<String> sourceTitle, Optional<String> sourceUrl, Optional<LocalDate> retrieved,
                 Map<String, Parameter> parameters, List<Level> levels, List<Step> steps, List<Tool> tools,
                 Map<String, String> codes, Map<String, String> signals, Map<String, String> services,
                 List<Rule> rules, List<Disable> disable, List<Acknowledgement> acknowledge, Map<String, List<String>> tags,
                 List<Concept> concepts, List<RuleException> exceptions, List<Invariant> invariants, String file, Location at,
                 Map<String, String> codeLabelsEn, Map<String, Effects> effects, java.util.Set<String> effectOverrides,
                 Map<String, MeetingOutcome> meetingOutcomes) {

    /** {@code disable:} entry: a rule of the base guide that this guide switches off, and why. */
    record Disable(String rule, String reason, Location at) {}
}
