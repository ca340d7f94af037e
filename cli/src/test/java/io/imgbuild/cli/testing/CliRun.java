package io.imgbuild.cli.testing;

import io.imgbuild.cli.CliEnvironment;
import io.imgbuild.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs the CLI in-process in a given directory and captures what it prints. */
public final class CliRun {

    public record Result(int exitCode, String out, String err) {
        public String all() {
            return out + err;
        }
    }

    private CliRun() {
    }

    public static Result in(Path dir, String... args) {
        return in(dir, Map.of(), args);
    }

    public static Result in(Path dir, Map<String, String> extraEnv, String... args) {
        return withInput(dir, extraEnv, "", args);
    }

    /** With {@code input} as stdin (answers to -debug pauses and -on-error=ask questions). */
    public static Result withInput(Path dir, Map<String, String> extraEnv, String input, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(extraEnv);
        CliEnvironment cli = new CliEnvironment(dir, env, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false);
        int code = Main.run(cli, args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
