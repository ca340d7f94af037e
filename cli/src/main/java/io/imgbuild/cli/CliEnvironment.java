package io.imgbuild.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * The world a command runs in. Real runs use the process's; tests pass their own so a command can
 * run in-process with another working directory and environment.
 *
 * @param terminal stdout is a terminal (live progress bars, colour by default)
 */
public record CliEnvironment(Path workingDir, Map<String, String> env, InputStream in, PrintStream out, PrintStream err,
                             boolean terminal) {

    public static CliEnvironment system() {
        return new CliEnvironment(Path.of("").toAbsolutePath(), System.getenv(), System.in, System.out, System.err,
                System.console() != null);
    }
}
