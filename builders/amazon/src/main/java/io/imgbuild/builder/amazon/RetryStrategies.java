package io.imgbuild.builder.amazon;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * The SDK's adaptive retry strategy, one instance per attempt count in this JVM: the strategy owns
 * the client-side rate limiter that throttling answers slow down, so parallel builds that share it
 * back off together instead of each hammering an account that is already throttled.
 */
final class RetryStrategies {

    private static final Map<Integer, RetryStrategy> SHARED = new ConcurrentHashMap<>();

    private RetryStrategies() {
    }

    /** {@code maxRetries} as in Packer's max_retries: retries after the first try. */
    static RetryStrategy adaptive(int maxRetries) {
        int attempts = Math.max(1, maxRetries + 1);
        return SHARED.computeIfAbsent(attempts,
                n -> AwsRetryStrategy.adaptiveRetryStrategy().toBuilder().maxAttempts(n).build());
    }
}
