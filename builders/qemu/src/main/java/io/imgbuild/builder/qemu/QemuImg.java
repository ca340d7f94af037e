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

/** Runs {@code qemu-img}; a failure becomes a step failure that quotes what qemu-img said. */
final class QemuImg {

    private static final Logger LOG = LoggerFactory.getLogger(QemuImg.class);
    private static final String PROGRAM = "qemu-img";

    private QemuImg() {
    }

    static void run(List<String> args, Cancellation cancellation) throws StepFailure, CancelledException {
        exec(args, cancellation, null);
    }

    /** Runs qemu-img and returns what it printed on stdout. */
    static String output(List<String> args, Cancellation cancellation) throws StepFailure, CancelledException {
        StringBuilder out = new StringBuilder();
        exec(args, cancellation, out);
        return out.toString();
    }

    private static void exec(List<String> args, Cancellation cancellation, StringBuilder stdout)
            throws StepFailure, CancelledException {
        List<String> command = new ArrayList<>();
        command.add(PROGRAM);
        command.addAll(args);
        LOG.debug("running {}", command);
        List<String> errors = new ArrayList<>();
        int code;
        try {
            code = ProcessRunner.run(command, Map.of(), null, OutputListener.of(line -> {
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
            throw new StepFailure("cannot run qemu-img (" + e.getMessage() + "): install it with apt-get install"
                    + " qemu-utils");
        }
        if (code != 0) {
            throw new StepFailure("qemu-img " + args.get(0) + " failed (exit code " + code + "): "
                    + String.join(" / ", errors.isEmpty() ? List.of("no message") : errors));
        }
    }
}
