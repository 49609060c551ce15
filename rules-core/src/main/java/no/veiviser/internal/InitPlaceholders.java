package no.veiviser.internal;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The placeholder texts {@code veiviser init} writes into a new guide, instructions to the author in place of the
 * guide's own words, and the patterns lint W009 finds them by. One place owns both, so that init cannot write a
 * placeholder that lint does not know (the patterns also find a placeholder an author has half edited).
 */
public final class InitPlaceholders {
    /** In a parameter's reference: which section of the municipality's guide the value comes from. */
    public static final String SECTION = "(skriv avsnittet her)";
    /** After a rule's {@code source.section}: the section's title as the guide has it. */
    public static final String SECTION_TITLE = "(skriv avsnittets tittel slik veilederen har den)";
    /** A rule's {@code source.text}: the words of the guide the rule rests on. */
    public static final String QUOTE = "Sitér de 1-3 setningene i veilederen som regelen bygger på.";
    /** The start of the example rule's description. */
    public static final String EXAMPLE = "An example to replace";

    /** Every placeholder text init writes. */
    public static final List<String> TEXTS = List.of(SECTION, SECTION_TITLE, QUOTE, EXAMPLE);

    /** What lint looks for: any "(skriv ...)", the start of the quote placeholder, the example's first words. */
    public static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("\\(skriv [^)]*\\)"),
            Pattern.compile(Pattern.quote(QUOTE.substring(0, QUOTE.indexOf(" i veilederen")))),
            Pattern.compile(Pattern.quote(EXAMPLE)));

    private InitPlaceholders() {}
}
