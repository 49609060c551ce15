package no.veiviser;

import java.nio.file.Path;
import java.util.List;
import no.veiviser.internal.model.GuideLoader;
import no.veiviser.internal.yaml.Hints;

/**
 * Where guides come from: the ones bundled with the library, or guide files on disk.
 *
 * <pre>{@code
 * CompiledGuide nittedal = Guides.bundled("nittedal").compile();
 * Decision decision = nittedal.evaluate(Cases.read(Path.of("case.yaml")));
 * }</pre>
 */
public final class Guides {
    private Guides() {}

    /** The ids of the bundled guides, for example {@code norge} and {@code nittedal}. */
    public static List<String> bundledIds() {
        return GuideLoader.bundledIds();
    }

    /**
     * A bundled guide by id.
     *
     * @throws GuideException when there is no such guide (with a did-you-mean hint) or it is invalid
     */
    public static Guide bundled(String id) {
        var source = GuideLoader.bundled(id);
        if (source.isEmpty()) {
            throw new GuideException(List.of(Problem.error("", 0, 0, "no bundled guide '" + id + "'",
                    bundledIds().isEmpty() ? "no guides are bundled on the class path" : Hints.didYouMean(id, bundledIds()))));
        }
        return load(source.get());
    }

    /**
     * A guide file; the guide it {@code extends} is looked for next to it ({@code ../<id>/guide.yaml}),
     * then among the bundled guides.
     *
     * @throws GuideException with every problem found, each with file:line:column
     */
    public static Guide load(Path file) {
        return load(GuideLoader.file(file));
    }

    private static Guide load(GuideLoader.Source source) {
        GuideLoader.Loaded loaded = GuideLoader.load(source);
        return new Guide(loaded.model(), loaded.warnings());
    }
}
