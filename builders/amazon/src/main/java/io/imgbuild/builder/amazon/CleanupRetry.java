package io.imgbuild.builder.amazon;

import io.imgbuild.core.step.StepFailure;
import java.time.Duration;

/**
 * Retries a cleanup call that EC2 refuses while something it depends on is still going away (a
 * security group while its instance shuts down: DependencyViolation). Cleanup runs after Ctrl-C too,
 * so it sleeps without looking at the build's cancellation.
 */
final class CleanupRetry {

    @FunctionalInterface
    interface Call {
        void run() throws StepFailure;
    }

    private CleanupRetry() {
    }

    static void untilDone(Call call, String retryOnCode, int tries, Duration pause) throws StepFailure {
        for (int i = 1; ; i++) {
            try {
                call.run();
                return;
            } catch (StepFailure e) {
                if (i >= tries || !retryOnCode.equals(AwsCall.code(e.getCause()))) {
                    throw e;
                }
            }
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StepFailure("interrupted while cleaning up");
            }
        }
    }
}
