package io.imgbuild.builder.qemu;

import io.imgbuild.core.exec.OutputListener;
import io.imgbuild.core.exec.ProcessRunner;
import io.imgbuild.core.step.CancelledException;
import io.imgbuild.core.step.Cancellation;
import io.imgbuild.core.step.StepFailure;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a host tool (qemu-img, xorriso, mtools) to its end; a failure becomes a step failure that
 * quotes what the tool said on stderr, and a missing tool names the Debian package to install.
 */
final class HostCommand {

    private static final Logger LOG = LoggerFactory.getLogger(HostCommand.class);

    private final String program;
    private final String debianPackage;

    HostCommand(String program, String debianPackage) {
        this.program = program;
        this.debianPackage = debianPackage;
    }

    void run(List<String> args, Cancellation cancellation) throws StepFailure, CancelledException {
        exec(args, Map.of(), cancellation, null);
    }

    void run(List<String> args, Map<String, String> env, Cancellation cancellation)
            throws StepFailure, CancelledException {
        exec(args, env, cancellation, null);
    }

    /** Runs the tool and returns what it printed on stdout. */
    String output(List<String> args, Cancellation cancellation) throws StepFailure, CancelledException {
        StringBuilder out = new StringBuilder();
        exec(args, Map.of(), cancellation, out);
        return out.toString();
    }

    private void exec(List<String> args, Map<String, String> env, Cancellation cancellation, StringBuilder stdout)
            throws StepFailure, CancelledException {
        List<String> command = new ArrayList<>();
        command.add(program);
        command.addAll(args);
        LOG.debug("running {}", command);
        List<String> errors = new ArrayList<>();
        int code;
        try {
            code = ProcessRunner.run(command, env, null, OutputListener.of(line -> {
                if (stdout != null) {
                    stdout.append(line).append('\n');
                } else {
                    LOG.debug(line);
                }
            }, line -> {
                LOG.debug(line);
                errors.add(line);
            }), cancellation);
        } catch (IOException e) {
            throw new StepFailure("cannot run " + program + " (" + e.getMessage() + "): install it with apt-get install "
                    + debianPackage);
        }
        if (code != 0) {
            throw new StepFailure(program + " " + args.get(0) + " failed (exit code " + code + "): "
                    + String.join(" / ", errors.isEmpty() ? List.of("no message") : errors));
        }
    }
}
