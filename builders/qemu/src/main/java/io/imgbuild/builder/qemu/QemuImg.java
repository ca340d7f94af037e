package io.imgbuild.builder.qemu;

import io.imgbuild.core.step.CancelledException;
import io.imgbuild.core.step.Cancellation;
import io.imgbuild.core.step.StepFailure;
import java.util.List;

/** Runs {@code qemu-img}; a failure becomes a step failure that quotes what qemu-img said. */
final class QemuImg {

    private static final HostCommand QEMU_IMG = new HostCommand("qemu-img", "qemu-utils");

    private QemuImg() {
    }

    static void run(List<String> args, Cancellation cancellation) throws StepFailure, CancelledException {
        QEMU_IMG.run(args, cancellation);
    }

    /** Runs qemu-img and returns what it printed on stdout. */
    static String output(List<String> args, Cancellation cancellation) throws StepFailure, CancelledException {
        return QEMU_IMG.output(args, cancellation);
    }
}
