package io.imgbuild.cli;

import io.imgbuild.core.log.LogSettings;
import io.imgbuild.core.run.ExitCodes;
import picocli.CommandLine;

/** {@code imgbuild}: the entry point. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        quietLoggingUnlessAsked();
        int code = run(CliEnvironment.system(), args);
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }

    /**
     * Without IMGBUILD_LOG / PACKER_LOG nothing is logged, so skip starting a logging backend at all:
     * SLF4J's no-op provider keeps start-up short for quick commands such as validate.
     */
    private static void quietLoggingUnlessAsked() {
        if (!LogSettings.fromEnvironment(System.getenv()).enabled() && System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
            System.setProperty("slf4j.internal.verbosity", "WARN");
        }
    }

    /** Runs a command line in the given environment and returns the exit code (for tests, too). */
    public static int run(CliEnvironment env, String... args) {
        CommandLine cli = Commands.commandLine(env, args);
        try {
            return cli.execute(args);
        } catch (RuntimeException e) {
            env.err().println("imgbuild: internal error: " + e);
            return ExitCodes.BUILD_FAILED;
        }
    }
}
