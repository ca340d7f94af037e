package io.imgbuild.builder.amazon;

import io.imgbuild.core.step.StepFailure;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Runs one EC2 API call and turns what the SDK throws (after its retries) into a one-line failure
 * that names the call, the region, AWS's error code and message, and what to do.
 *
 * <p>A call runs to its end even when Ctrl-C interrupts the build's thread: an interrupted
 * RunInstances or CopyImage would still have made its instance or AMI, but its ID would be lost to
 * cleanup. The interrupt is kept and takes effect at the next wait.
 */
final class AwsCall {

    private static final ExecutorService CALLS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "ec2-call");
        t.setDaemon(true);
        return t;
    });

    private AwsCall() {
    }

    static <T> T run(String api, String region, Supplier<T> call) throws StepFailure {
        Future<T> result = CALLS.submit(call::get);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return result.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof SdkException sdk) {
                        throw new StepFailure(describe(api, region, sdk), sdk);
                    }
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static void runVoid(String api, String region, Runnable call) throws StepFailure {
        run(api, region, () -> {
            call.run();
            return null;
        });
    }

    /** The error code of an AWS answer, or "" (a connection failure has none). */
    static String code(Throwable e) {
        if (e instanceof AwsServiceException s && s.awsErrorDetails() != null
                && s.awsErrorDetails().errorCode() != null) {
            return s.awsErrorDetails().errorCode();
        }
        return "";
    }

    static String describe(String api, String region, SdkException e) {
        if (e instanceof AwsServiceException s) {
            String code = code(s);
            String message = s.awsErrorDetails() != null && s.awsErrorDetails().errorMessage() != null
                    ? s.awsErrorDetails().errorMessage() : s.getMessage();
            String request = s.requestId() == null ? "" : ", request " + s.requestId();
            return "EC2 " + api + " failed in " + region + ": " + (code.isEmpty() ? "" : code + ": ") + message
                    + " (HTTP " + s.statusCode() + request + "); " + AwsAdvice.forCode(code);
        }
        String cause = e instanceof SdkClientException && e.getCause() != null
                ? e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage() : e.getMessage();
        return "EC2 " + api + " failed in " + region + ": " + cause
                + "; check the network, custom_endpoint_ec2 and the credentials (profile, AWS_* variables)";
    }
}
