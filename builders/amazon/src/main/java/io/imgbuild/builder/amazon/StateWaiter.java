package io.imgbuild.builder.amazon;

import io.imgbuild.core.step.Cancellation;
import io.imgbuild.core.step.CancelledException;
import io.imgbuild.core.step.StepFailure;
import io.imgbuild.core.ui.BuildUi;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Polls a resource until it reaches a wanted state. Written here rather than with the SDK's waiters
 * because a wait must end at once on Ctrl-C, say what it is waiting on while it waits, and treat a
 * just-created resource that EC2 does not know yet (eventual consistency) as "not yet".
 */
final class StateWaiter {

    /** Reads the current state; empty while EC2 does not know the resource. */
    @FunctionalInterface
    interface StateReader {
        Optional<String> read() throws StepFailure;
    }

    private final Polling polling;
    private final BuildUi ui;

    StateWaiter(Polling polling, BuildUi ui) {
        this.polling = polling;
        this.ui = ui;
    }

    /**
     * Waits until {@code reader} says one of {@code wanted}; fails on one of {@code failed}, when the
     * resource stays unknown, or after the polls allowed for {@code defaultWait}.
     *
     * @param what e.g. "instance i-0abc to be running"
     * @param cancellation null in cleanup, where a wait must run to its end even after Ctrl-C
     */
    String await(String what, StateReader reader, Set<String> wanted, Set<String> failed, Duration defaultWait,
                 Cancellation cancellation) throws StepFailure, CancelledException {
        int attempts = polling.attempts(defaultWait);
        long started = System.nanoTime();
        String last = null;
        for (int i = 1; ; i++) {
            Optional<String> state = reader.read();
            if (state.isPresent() && wanted.contains(state.get())) {
                return state.get();
            }
            if (state.isPresent() && failed.contains(state.get())) {
                throw new StepFailure("waiting for " + what + ": it became " + state.get());
            }
            String now = state.orElse("not known to EC2 yet");
            if (!now.equals(last)) {
                ui.message("Waiting for " + what + " (now " + now + ", " + seconds(started) + ")");
                last = now;
            }
            if (i >= attempts) {
                throw new StepFailure("gave up waiting for " + what + " after " + i + " polls in " + seconds(started)
                        + " (still " + now + "); raise aws_polling.max_attempts or delay_seconds if it is just slow");
            }
            sleep(cancellation);
        }
    }

    private void sleep(Cancellation cancellation) throws CancelledException {
        if (cancellation != null) {
            cancellation.sleep(polling.delay());
            return;
        }
        try {
            Thread.sleep(polling.delay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException("interrupted while cleaning up");
        }
    }

    private static String seconds(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toSeconds() + " s";
    }
}
