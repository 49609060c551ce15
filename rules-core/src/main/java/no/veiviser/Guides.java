package no.veiviser;

import java.nio.file.Path;
import java.util.List;
import no.veiviser.internal.model.GuideLoader;
import no.veiviser.internal.yaml.Hints;
import no.veiviser.internal.yaml.NodeReader;

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

    /** @return the ids of the bundled guides, for example {@code norge} and {@code nittedal} */
    public static List<String> bundledIds() {
        return GuideLoader.bundledIds();
    }

    /**
     * A bundled guide by id.
     *
     * @param id the guide's id, as {@link #bundledIds()} lists it
     * @return the guide
     * @throws GuideException when there is no such guide (with a did-you-mean hint) or it is invalid
     */
    public static Guide bundled(String id) {
        var source = GuideLoader.bundled(id);
        if (source.isEmpty()) {
            throw new GuideException(List.of(Problem.error("", 0, 0, "no bundled guide '" + id + "'",
                    bundledIds().isEmpty() ? "no guides are bundled on the class path" : Hints.didYouMean(id, bundledIds()))));
        }
        // Its rules are prebuilt: they load on the other core while the YAML is read and validated.
        no.veiviser.internal.engine.RuleBases.preload(id);
        return load(source.get());
    }

    /**
     * A guide file; the guide it {@code extends} is looked for next to it ({@code ../<id>/guide.yaml}),
     * then among the bundled guides.
     *
     * @param file the guide file
     * @return the guide, merged with the guides it extends
     * @throws GuideException with every problem found, each with file:line:column
     */
    public static Guide load(Path file) {
        return load(GuideLoader.file(file));
    }

    /**
     * A guide held in a string, read as if it were the file {@code file} (which need not exist): problems name
     * that file, and the guide it {@code extends} is looked for next to it, then among the bundled guides. For
     * editors that check a guide as it is typed.
     *
     * @param text the guide's YAML
     * @param file the file it stands for
     * @return the guide, merged with the guides it extends
     * @throws GuideException with every problem found, each with file:line:column
     */
    public static Guide parse(String text, Path file) {
        GuideLoader.Source onDisk = GuideLoader.file(file);
        return load(new GuideLoader.Source() {
            @Override
            public String displayName() {
                return onDisk.displayName();
            }

            @Override
            public NodeReader.Result read() {
                return NodeReader.read(text, onDisk.displayName(), NodeReader.Limits.GUIDE);
            }

            @Override
            public java.util.Optional<GuideLoader.Source> resolve(String id) {
                return onDisk.resolve(id);
            }

            @Override
            public java.util.Optional<String> refusal(String id) {
                return onDisk.refusal(id);
            }
        });
    }

    private static Guide load(GuideLoader.Source source) {
        GuideLoader.Loaded loaded = GuideLoader.load(source);
        return new Guide(loaded.model(), loaded.warnings());
    }
}
