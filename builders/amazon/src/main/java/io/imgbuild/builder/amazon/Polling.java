package io.imgbuild.builder.amazon;

import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * How often and how many times to poll while waiting for an instance or AMI to change state:
 * aws_polling, else the AWS_POLL_DELAY_SECONDS and AWS_MAX_ATTEMPTS environment variables (as in
 * Packer), else a poll every 5 s for as long as the wait's own default allows.
 */
record Polling(Duration delay, Integer maxAttempts) {

    static final Duration DEFAULT_DELAY = Duration.ofSeconds(5);

    static Polling of(JsonNode awsPolling, Map<String, String> env) {
        Integer delay = positive(awsPolling, "delay_seconds");
        if (delay == null) {
            delay = positive(env.get("AWS_POLL_DELAY_SECONDS"));
        }
        Integer attempts = positive(awsPolling, "max_attempts");
        if (attempts == null) {
            attempts = positive(env.get("AWS_MAX_ATTEMPTS"));
        }
        return new Polling(delay == null ? DEFAULT_DELAY : Duration.ofSeconds(delay), attempts);
    }

    /** The number of polls for a wait whose default length is {@code defaultWait}. */
    int attempts(Duration defaultWait) {
        if (maxAttempts != null) {
            return maxAttempts;
        }
        return (int) Math.max(1, defaultWait.toMillis() / Math.max(1, delay.toMillis()));
    }

    private static Integer positive(JsonNode node, String field) {
        if (node == null || !node.has(field) || !node.get(field).canConvertToInt()) {
            return null;
        }
        int v = node.get(field).asInt();
        return v > 0 ? v : null;
    }

    private static Integer positive(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            int v = Integer.parseInt(text.trim());
            return v > 0 ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
