package no.veiviser.internal.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a guide's Drools rule base comes from. A bundled guide's rules are compiled during the build to Drools'
 * executable model ({@link RulePrebuilder}, classes under {@code veiviser/prebuilt/<id>/}); loading those skips
 * parsing the DRL and compiling its constraints and consequences, most of a cold start. They are used only when
 * their key, a SHA-256 of the Drools version, the DRL they were built from and {@link Facts}' class file, equals that of the DRL
 * the guide gives now: a guide changed since the build (or a build with another {@code Facts}) never runs on
 * stale rules but is compiled from its DRL, as every guide read from a file is.
 */
public final class RuleBases {
    private static final Logger LOG = LoggerFactory.getLogger(RuleBases.class);
    static final String ROOT = "veiviser/prebuilt/";
    /** {@code -Dveiviser.prebuilt=false} compiles every guide's DRL at run time, to compare or to rule the prebuilt rules out. */
    static final String PROPERTY = "veiviser.prebuilt";

    private RuleBases() {}

    /** Whether a current prebuilt rule base exists for {@code drl} of the guide {@code id}. */
    public static boolean hasPrebuilt(String id, String drl) {
        return prebuiltModel(id, drl).isPresent();
    }

    /** The key that ties prebuilt classes to the Drools, the DRL and the {@link Facts} they were built for. */
    static String key(String drl) {
        try (InputStream facts = Facts.class.getResourceAsStream("Facts.class")) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(org.drools.base.util.Drools.getFullVersion().getBytes(StandardCharsets.UTF_8));
            sha.update(drl.getBytes(StandardCharsets.UTF_8));
            sha.update(facts == null ? new byte[0] : facts.readAllBytes());
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot compute the rules' key", e);
        }
    }

    /** A guide's prebuilt classes: the key they were built for and their model class. */
    private record Built(String key, String modelClass) {}

    /** The guide's prebuilt classes, when it has any (current or not). */
    private static Optional<Built> built(String id) {
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            return Optional.empty();
        }
        try (InputStream in = Facts.class.getClassLoader().getResourceAsStream(ROOT + id + "/key")) {
            if (in == null) {
                return Optional.empty();
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            return lines.length < 2 ? Optional.empty() : Optional.of(new Built(lines[0], lines[1]));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The guide's prebuilt classes, when they were built from this very DRL. */
    private static Optional<Built> prebuiltModel(String id, String drl) {
        Optional<Built> built = built(id);
        if (built.isPresent() && !built.get().key().equals(key(drl))) {
            LOG.debug("prebuilt rules of guide {} are stale: compiling its DRL", id);
            return Optional.empty();
        }
        return built;
    }

    private static boolean ruledOut() {
        return "false".equals(System.getProperty(PROPERTY));
    }

    /**
     * Prebuilt rule bases loaded in this process (or loading), by guide id and key: immutable once built, so every
     * compiled guide with that DRL shares one, as compiled rule bases are shared. At most one per bundled guide.
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.CompletableFuture<Optional<KieBase>>> LOADED =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The prebuilt rule base for {@code drl} of the guide {@code id}, when one is current (and
     * {@code -Dveiviser.prebuilt=false} does not rule them out).
     */
    public static Optional<KieBase> prebuilt(String id, String drl) {
        if (ruledOut()) {
            return Optional.empty();
        }
        Optional<Built> built = prebuiltModel(id, drl);
        if (built.isEmpty()) {
            return Optional.empty();
        }
        try {
            return load(id, built.get(), false).join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /**
     * Starts loading guide {@code id}'s prebuilt rule base on a daemon thread, for {@link #prebuilt} to take if the
     * guide's DRL is the one they were built from: a bundled guide's YAML is read and validated meanwhile, so the two
     * overlap on two cores instead of following each other before a first decision.
     *
     * @return the load, done or not; empty when the guide has no prebuilt rules or they are ruled out
     */
    public static java.util.concurrent.CompletableFuture<Optional<KieBase>> preload(String id) {
        Optional<Built> built = ruledOut() ? Optional.empty() : built(id);
        return built.isEmpty() ? java.util.concurrent.CompletableFuture.completedFuture(Optional.empty()) : load(id, built.get(), true);
    }

    /** The rule base of {@code built}, loading on this thread or a new daemon one unless already loading or loaded. */
    private static java.util.concurrent.CompletableFuture<Optional<KieBase>> load(String id, Built built, boolean inBackground) {
        java.util.concurrent.CompletableFuture<Optional<KieBase>> mine = new java.util.concurrent.CompletableFuture<>();
        String slot = id + "\n" + built.key();
        java.util.concurrent.CompletableFuture<Optional<KieBase>> existing = LOADED.putIfAbsent(slot, mine);
        if (existing != null) {
            return existing;
        }
        Runnable run = () -> {
            try {
                mine.complete(fromClasses(id, built.modelClass()));
            } catch (Throwable e) { // any other Error: whoever waits for it gets it
                LOADED.remove(slot, mine);
                mine.completeExceptionally(e);
            }
        };
        if (inBackground) {
            Thread t = new Thread(run, "veiviser-preload-" + id);
            t.setDaemon(true);
            t.start();
        } else {
            run.run();
        }
        return mine;
    }

    private static Optional<KieBase> fromClasses(String id, String modelClass) {
        try {
            ClassLoader loader = new PrebuiltClassLoader(Facts.class.getClassLoader(), ROOT + id + "/classes/");
            Model model = (Model) loader.loadClass(modelClass).getConstructor().newInstance();
            return Optional.of(KieBaseBuilder.createKieBaseFromModel(model, KieServices.get().newKieBaseConfiguration(null, loader)));
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            // Our build's output that does not load is our bug; the DRL still gives the same rules.
            LOG.warn("prebuilt rules of guide {} do not load ({}): compiling its DRL", id, e.toString());
            return Optional.empty();
        }
    }

    /** How many DRL-compiled rule bases the process keeps for sharing. */
    private static final int KEPT = 8;

    /**
     * Rule bases compiled from DRL in this process, by the DRL, the most recently used {@link #KEPT}: a rule base is
     * immutable once built and safe to share, so compiled guides whose rules compile to the same DRL (two versions of
     * a guide that differ in a text or a parameter the rules do not test; each edit the workbench compiles) share one
     * instead of each compiling it or running on the slower prebuilt rules. A compile in progress is waited for.
     */
    private static final java.util.LinkedHashMap<String, java.util.concurrent.CompletableFuture<KieBase>> COMPILED =
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, java.util.concurrent.CompletableFuture<KieBase>> eldest) {
                    return size() > KEPT;
                }
            };

    /** The rule base compiled from {@code drl} in this process, when one is (and is not still compiling). */
    public static Optional<KieBase> compiled(String drl) {
        java.util.concurrent.CompletableFuture<KieBase> f;
        synchronized (COMPILED) {
            f = COMPILED.get(drl);
        }
        return f != null && f.isDone() && !f.isCompletedExceptionally() ? Optional.of(f.join()) : Optional.empty();
    }

    /** {@code drl} compiled, or the rule base compiled from it before in this process: one compile per DRL at a time. */
    public static KieBase compile(String drl) {
        java.util.concurrent.CompletableFuture<KieBase> f;
        boolean mine = false;
        synchronized (COMPILED) {
            f = COMPILED.get(drl);
            if (f == null) {
                f = new java.util.concurrent.CompletableFuture<>();
                COMPILED.put(drl, f);
                mine = true;
            }
        }
        if (mine) {
            try {
                f.complete(RuleCompiler.build(drl));
            } catch (RuntimeException | Error e) {
                synchronized (COMPILED) {
                    COMPILED.remove(drl, f);
                }
                f.completeExceptionally(e);
                throw e;
            }
        }
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** Defines one guide's generated classes from resources, so that guides whose generated names coincide never meet. */
    private static final class PrebuiltClassLoader extends ClassLoader {
        private final String prefix;

        PrebuiltClassLoader(ClassLoader parent, String prefix) {
            super("veiviser-prebuilt", parent);
            this.prefix = prefix;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    // Child first for the generated classes: the same names may be on the class path for another guide.
                    byte[] bytes = bytes(name);
                    c = bytes != null ? defineClass(name, bytes, 0, bytes.length) : getParent().loadClass(name);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }

        private byte[] bytes(String name) throws ClassNotFoundException {
            try (InputStream in = getParent().getResourceAsStream(prefix + name.replace('.', '/') + ".class")) {
                return in == null ? null : in.readAllBytes();
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
        }
    }
}
