package no.veiviser.internal.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import no.veiviser.Guide;
import no.veiviser.Guides;
import no.veiviser.internal.Access;
import no.veiviser.internal.model.GuideModel;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;

/**
 * Run by the build ({@code process-classes}): compiles every bundled guide's DRL to Drools' executable model and
 * writes the classes, with the {@link RuleBases#key key} of the DRL they came from, under
 * {@code <classes>/veiviser/prebuilt/<id>/}, where {@link RuleBases} finds them. Not API.
 */
public final class RulePrebuilder {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RulePrebuilder.class);

    private RulePrebuilder() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: RulePrebuilder <classes directory>");
        }
        Path root = Path.of(args[0]).resolve(RuleBases.ROOT);
        List<String> ids = Guides.bundledIds();
        try (Stream<Path> dirs = Files.exists(root) ? Files.list(root) : Stream.empty()) {
            for (Path dir : dirs.toList()) {
                if (!ids.contains(dir.getFileName().toString())) {
                    delete(dir); // a guide no longer bundled
                }
            }
        }
        for (String id : ids) {
            long start = System.nanoTime();
            Guide guide = Guides.bundled(id);
            GuideModel model = Access.model(guide);
            String drl = RuleCompiler.drl(model, new ParamTimeline(model.parameters()));
            Path dir = root.resolve(id);
            Path key = dir.resolve("key");
            // Compiling to the executable model takes seconds to minutes (Drools' parser on deeply nested
            // constraints): an earlier build's classes for this very DRL and Facts are kept.
            if (Files.isRegularFile(key) && Files.readString(key).startsWith(RuleBases.key(drl) + "\n")) {
                LOG.info("the prebuilt rules of guide {} are current", id);
                continue;
            }
            delete(dir);
            int classes = prebuild(id, drl, dir);
            LOG.info("prebuilt the rules of guide {} ({} classes) in {} ms", id, classes,
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** Writes the executable model of one bundled guide's DRL into {@code dir}; returns the number of classes. */
    static int prebuild(String id, String drl, Path dir) throws IOException {
        KieServices ks = KieServices.get();
        KieFileSystem files = ks.newKieFileSystem();
        files.write("src/main/resources/veiviser/generated/rules.drl", drl);
        KieBuilder builder = ks.newKieBuilder(files, Facts.class.getClassLoader()).buildAll(ExecutableModelProject.class);
        if (builder.getResults().hasMessages(Message.Level.ERROR)) {
            throw new IllegalStateException("internal error: guide " + id + "'s rules do not compile to the executable model: "
                    + builder.getResults().getMessages(Message.Level.ERROR));
        }
        InternalKieModule module = (InternalKieModule) builder.getKieModule();
        List<String> models = new ArrayList<>();
        int classes = 0;
        for (String name : module.getFileNames()) {
            if (name.endsWith(".class")) {
                Path target = dir.resolve("classes").resolve(name);
                Files.createDirectories(target.getParent());
                Files.write(target, module.getBytes(name));
                classes++;
            } else if (name.endsWith("/drools-model")) {
                String[] lines = new String(module.getBytes(name), StandardCharsets.UTF_8).split("\n");
                for (int i = 1; i < lines.length; i++) { // the first line is the model version
                    if (!lines[i].isBlank()) {
                        models.add(lines[i].trim());
                    }
                }
            }
        }
        if (models.size() != 1) {
            throw new IllegalStateException("internal error: guide " + id + " gave " + models.size() + " rule models, expected one");
        }
        Files.writeString(dir.resolve("key"), RuleBases.key(drl) + "\n" + models.get(0) + "\n");
        return classes;
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
