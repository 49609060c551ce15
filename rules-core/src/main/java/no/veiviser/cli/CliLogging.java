package no.veiviser.cli;

import java.net.URL;

/**
 * Logging for the command-line tool only. The library logs through SLF4J and ships no Logback
 * configuration, so that it never imposes one on its users. The CLI brings Logback (an optional
 * dependency of rules-core, included in the shaded jar) and its own configuration,
 * {@value #CONFIG}: warnings and errors to standard error, and Drools' and KIE's chatter at ERROR only.
 *
 * <p>Every method here is a no-op when Logback is not on the class path (someone running the CLI
 * classes with another SLF4J binding).
 */
public final class CliLogging {
    /** The CLI's Logback configuration, a class path resource with a name no library user picks up by accident. */
    public static final String CONFIG = "veiviser-cli-logback.xml";

    /** The system property Logback reads its configuration from when it starts. */
    static final String PROPERTY = "logback.configurationFile";

    private static final String LOGBACK = "ch.qos.logback.classic.LoggerContext";

    private CliLogging() {}

    /**
     * Points Logback at {@link #CONFIG} unless the user chose a configuration with
     * {@code -Dlogback.configurationFile=...}. Must run before the first logger is created, because
     * Logback reads the property once, when SLF4J first starts it: the first statement of {@code main}.
     */
    public static void useCliConfiguration() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, CONFIG);
        }
    }

    /**
     * Applies {@link #CONFIG} to the running Logback context, replacing whatever it had. For programs
     * (and tests) that run the CLI after Logback has already started.
     *
     * @return false when Logback is not in use or the configuration could not be applied
     */
    public static boolean reconfigure() {
        if (!logbackPresent()) {
            return false;
        }
        return Logback.reconfigure();
    }

    /** {@code --debug}: shows the library's own DEBUG messages (compile times, rules fired) on standard error. */
    static void enableDebug() {
        if (logbackPresent()) {
            Logback.debug();
        }
    }

    private static boolean logbackPresent() {
        try {
            Class.forName(LOGBACK, false, CliLogging.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Kept apart so that no Logback class is loaded unless Logback is present. */
    private static final class Logback {
        private Logback() {}

        static boolean reconfigure() {
            if (!(org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context)) {
                return false;
            }
            URL config = CliLogging.class.getClassLoader().getResource(CONFIG);
            if (config == null) {
                return false;
            }
            try {
                ch.qos.logback.classic.joran.JoranConfigurator configurator = new ch.qos.logback.classic.joran.JoranConfigurator();
                configurator.setContext(context);
                context.reset();
                configurator.doConfigure(config);
            } catch (ch.qos.logback.core.joran.spi.JoranException e) {
                return false;
            }
            return new ch.qos.logback.core.status.StatusUtil(context).getHighestLevel(0) < ch.qos.logback.core.status.Status.ERROR;
        }

        static void debug() {
            if (org.slf4j.LoggerFactory.getLogger("no.veiviser") instanceof ch.qos.logback.classic.Logger logger) {
                logger.setLevel(ch.qos.logback.classic.Level.DEBUG);
            }
        }
    }
}
