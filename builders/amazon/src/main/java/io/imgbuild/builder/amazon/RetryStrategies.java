package io.imgbuild.builder.amazon;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.AcquireInitialTokenResponse;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RecordSuccessResponse;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
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
                n -> new Unclosable(AwsRetryStrategy.adaptiveRetryStrategy().toBuilder().maxAttempts(n).build()));
    }

    /** A client closes its retry strategy when it closes; the shared one must outlive every client. */
    private record Unclosable(RetryStrategy shared) implements RetryStrategy {

        @Override
        public AcquireInitialTokenResponse acquireInitialToken(AcquireInitialTokenRequest request) {
            return shared.acquireInitialToken(request);
        }

        @Override
        public RefreshRetryTokenResponse refreshRetryToken(RefreshRetryTokenRequest request) {
            return shared.refreshRetryToken(request);
        }

        @Override
        public RecordSuccessResponse recordSuccess(RecordSuccessRequest request) {
            return shared.recordSuccess(request);
        }

        @Override
        public int maxAttempts() {
            return shared.maxAttempts();
        }

        @Override
        public boolean useClientDefaults() {
            return false; // already configured for AWS: the client must use it as it is, not rebuild it
        }

        @Override
        public RetryStrategy.Builder<?, ?> toBuilder() {
            return shared.toBuilder();
        }

        @Override
        public void close() {
            // shared: never closed by one client
        }
    }
}
