package io.imgbuild.cli;

import io.imgbuild.core.problem.InvalidInputException;
import io.imgbuild.core.run.ExitCodes;
import java.lang.reflect.Constructor;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/** Wires the picocli command tree: Packer-style single-dash flags, our exit codes, no stack traces. */
final class Commands {

    private Commands() {
    }

    /** Subcommands by name, in the order help lists them. */
    static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

    private static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        m.put("build", BuildCommand.class);
        m.put("validate", ValidateCommand.class);
        m.put("inspect", InspectCommand.class);
        m.put("fix", FixCommand.class);
        m.put("schema", SchemaCommand.class);
        m.put("version", VersionCommand.class);
        m.put("completion", CompletionCommand.class);
        m.put("cds-train", CdsTrainingCommand.class);
        return m;
    }

    /**
     * The command tree for these arguments. Building picocli's model costs time for every command,
     * so when the arguments name a subcommand only that one is built; help and completion get all.
     */
    static CommandLine commandLine(CliEnvironment env, String... args) {
        EnvFactory factory = new EnvFactory(env);
        CommandLine cli = new CommandLine(new ImgbuildCommand(), factory);
        String named = java.util.Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse(null);
        boolean one = named != null && SUBCOMMANDS.containsKey(named) && !named.equals("completion");
        for (Map.Entry<String, Class<?>> e : SUBCOMMANDS.entrySet()) {
            if (!one || e.getKey().equals(named)) {
                cli.addSubcommand(e.getKey(), new CommandLine(e.getValue(), factory));
            }
        }
        cli.setPosixClusteredShortOptionsAllowed(false); // "-var" is one flag, not -v -a -r
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        // Go's flag package lets any flag repeat (the last wins), and -var/-var-file must repeat.
        cli.setOverwrittenOptionsAllowed(true);
        cli.setOut(new java.io.PrintWriter(env.out(), true));
        cli.setErr(new java.io.PrintWriter(env.err(), true));
        cli.setExitCodeExceptionMapper(e -> e instanceof InvalidInputException ? ExitCodes.INVALID_TEMPLATE
                : ExitCodes.BUILD_FAILED);
        cli.setParameterExceptionHandler((ex, badArgs) -> {
            env.err().println("imgbuild: " + ex.getMessage());
            CommandLine c = ex.getCommandLine();
            env.err().println("Run '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, c, parsed) -> {
            env.err().println("imgbuild: " + (ex.getMessage() != null ? ex.getMessage() : ex.toString()));
            org.slf4j.LoggerFactory.getLogger(Commands.class).error("command failed", ex);
            return ExitCodes.BUILD_FAILED;
        });
        return cli;
    }

    /** Gives commands that want it the run's environment through their constructor. */
    private record EnvFactory(CliEnvironment env) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                Constructor<K> c = cls.getDeclaredConstructor(CliEnvironment.class);
                c.setAccessible(true);
                return c.newInstance(env);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(cls);
            }
        }
    }
}
