package no.veiviser.cli;

import java.util.Locale;
import no.veiviser.internal.Language;
import picocli.CommandLine.Option;

/**
 * {@code --lang nb|en}, shared by every command that prints for people: the language of headings, labels and the
 * guide's code labels. Problem and error messages stay English.
 */
final class LanguageOption {
    enum Lang { nb, en }

    @Option(names = "--lang", paramLabel = "<lang>", defaultValue = "nb",
            description = "Language of the output for people (headings, labels, the case's values in the reasons): "
                    + "nb (Norwegian bokmål) or en. Problem messages are English. Default: ${DEFAULT-VALUE}.")
    Lang lang = Lang.nb;

    Locale locale() {
        return Locale.forLanguageTag(lang.name());
    }

    /** {@code nb} or {@code en}, as chosen. */
    String pick(String nb, String en) {
        return Language.pick(locale(), nb, en);
    }
}
