package no.veiviser.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The CLI in a JVM of its own (for what in-process tests cannot show: signals, a closed descriptor 0). */
final class CliProcess {
    private CliProcess() {}

    /** {@code java [jvmOptions] -cp <test class path> no.veiviser.cli.Main args}. */
    static List<String> command(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return command;
    }
}
