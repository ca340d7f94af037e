package io.imgbuild.cli;

import io.imgbuild.core.build.OnError;
import io.imgbuild.core.problem.InvalidInputException;
import io.imgbuild.core.run.Backoff;
import io.imgbuild.core.run.BuildRunner;
import io.imgbuild.core.run.ExitCodes;
import io.imgbuild.core.run.PlanOptions;
import io.imgbuild.core.run.RunResult;
import io.imgbuild.core.secret.Secrets;
import io.imgbuild.core.step.Cancellation;
import io.imgbuild.core.ui.HumanConsole;
import io.imgbuild.core.ui.JsonlConsole;
import io.imgbuild.core.ui.LogSink;
import io.imgbuild.core.ui.MachineReadableConsole;
import io.imgbuild.core.ui.Ui;
import io.imgbuild.core.ui.UiSink;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code imgbuild build}: runs every build of a template. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build the images a template describes: builds run in parallel in template order; every"
                + " resource a build creates is removed on failure or Ctrl-C.")
final class BuildCommand implements Callable<Integer> {

    private final CliEnvironment env;

    @Mixin
    SelectOptions select = new SelectOptions();

    @Mixin
    VarOptions vars = new VarOptions();

    @Option(names = {"-force", "--force"}, description = "Replace output left by an earlier run.")
    boolean force;

    @Option(names = {"-on-error", "--on-error"}, defaultValue = "cleanup", paramLabel = "cleanup|abort|ask",
            description = "When a build fails: clean up (default), abort leaving everything for inspection, or ask.")
    String onError;

    @Option(names = {"-parallel-builds", "--parallel-builds"}, defaultValue = "0", paramLabel = "N",
            description = "Run at most N builds at once (0: no limit, the default).")
    int parallelBuilds;

    @Option(names = {"-timestamp-ui", "--timestamp-ui"}, description = "Prefix every line with an RFC 3339 time.")
    boolean timestamps;

    @Option(names = {"-machine-readable", "--machine-readable"},
            description = "Packer's machine-readable output (same as --output=machine-readable).")
    boolean machineReadable;

    @Option(names = {"-output", "--output"}, defaultValue = "human", paramLabel = "human|machine-readable|jsonl",
            description = "Output format; jsonl is a stable stream of JSON events for CI.")
    String output;

    @Option(names = {"-color", "--color"}, arity = "0..1", fallbackValue = "true", defaultValue = "true",
            paramLabel = "true|false", description = "Colour the output (when it is a terminal).")
    boolean color;

    @Option(names = {"-debug", "--debug"}, description = "Run builds one by one, pausing before each step.")
    boolean debug;

    @Parameters(index = "0", paramLabel = "TEMPLATE", description = "The template file, or - for stdin.")
    String template;

    BuildCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        OutputFormat format;
        OnError policy;
        try {
            format = machineReadable ? OutputFormat.MACHINE_READABLE : OutputFormat.parse(output);
            policy = OnError.parse(onError);
        } catch (IllegalArgumentException e) {
            env.err().println("imgbuild: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (debug && format != OutputFormat.HUMAN) {
            env.err().println("imgbuild: -debug needs the human output; it cannot be used with " + output);
            return ExitCodes.USAGE;
        }
        TemplateSession.Loaded loaded;
        try {
            loaded = TemplateSession.load(env, template, vars, select, new PlanOptions(List.of(), List.of(), force, debug,
                    policy), false);
        } catch (InvalidInputException e) {
            ProblemPrinter.print(env.err(), e.problems());
            return ExitCodes.INVALID_TEMPLATE;
        }
        ProblemPrinter.print(env.err(), loaded.problems().warnings());
        if (loaded.builds().isEmpty()) {
            env.err().println("imgbuild: no build selected");
            return ExitCodes.INVALID_TEMPLATE;
        }
        try (Ui ui = new Ui(Secrets.global(), sinks(format), Clock.systemUTC())) {
            Cancellation cancellation = Cancellation.root();
            TerminalGate gate = new TerminalGate(env.in(), env.out(), env.terminal(), cancellation);
            BuildRunner runner = new BuildRunner(ui, gate, Backoff.PROVISIONER_RETRIES, cancellation);
            InterruptHandler.install(runner, ui.forBuild(null));
            RunResult result = runner.run(loaded.builds(), debug ? 1 : parallelBuilds);
            return result.exitCode();
        }
    }

    private List<UiSink> sinks(OutputFormat format) {
        List<UiSink> sinks = new ArrayList<>();
        boolean noColor = env.env().containsKey("NO_COLOR") || env.env().containsKey("PACKER_NO_COLOR");
        sinks.add(switch (format) {
            case HUMAN -> new HumanConsole(env.out(), color && !noColor && env.terminal(), timestamps, env.terminal());
            case MACHINE_READABLE -> new MachineReadableConsole(env.out());
            case JSONL -> new JsonlConsole(env.out());
        });
        sinks.add(new LogSink());
        return sinks;
    }
}
