package io.imgbuild.builder.amazon;

import io.imgbuild.core.ui.BuildUi;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the user when the SDK retries an EC2 call and why ("RunInstances: RequestLimitExceeded
 * (HTTP 503), retry 2 of 10"), so a slow build under throttling explains itself in the log.
 */
final class RetryLog implements ExecutionInterceptor {

    private static final ExecutionAttribute<AtomicInteger> ATTEMPT = new ExecutionAttribute<>("imgbuild.attempt");
    private static final ExecutionAttribute<String> LAST_ERROR = new ExecutionAttribute<>("imgbuild.last-error");
    private static final Logger LOG = LoggerFactory.getLogger(RetryLog.class);
    private static final Pattern CODE = Pattern.compile("<Code>([^<]{1,200})</Code>");

    private final BuildUi ui;
    private final String region;
    private final int maxRetries;

    /** @param ui where retries are reported; null: the debug log only (an artifact's later clean-up) */
    RetryLog(BuildUi ui, String region, int maxRetries) {
        this.ui = ui;
        this.region = region;
        this.maxRetries = maxRetries;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(ATTEMPT, new AtomicInteger());
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        int attempt = attributes.getAttribute(ATTEMPT).incrementAndGet();
        if (attempt > 1) {
            String why = Optional.ofNullable(attributes.getAttribute(LAST_ERROR)).orElse("a connection error");
            String line = operation(attributes) + " in " + region + ": " + why + ", retry " + (attempt - 1) + " of "
                    + maxRetries;
            if (ui != null) {
                ui.message(line);
            } else {
                LOG.info(line);
            }
        }
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
                                                           ExecutionAttributes attributes) {
        int status = context.httpResponse().statusCode();
        Optional<InputStream> body = context.responseBody();
        if (status < 400 || body.isEmpty()) {
            return body;
        }
        // Error bodies are small: read the code for the retry message and hand the SDK a copy.
        byte[] bytes;
        try (InputStream in = body.get()) {
            bytes = in.readNBytes(64 * 1024);
        } catch (IOException e) {
            attributes.putAttribute(LAST_ERROR, "HTTP " + status);
            return Optional.of(new ByteArrayInputStream(new byte[0]));
        }
        Matcher m = CODE.matcher(new String(bytes, StandardCharsets.UTF_8));
        attributes.putAttribute(LAST_ERROR, (m.find() ? m.group(1) + " " : "") + "(HTTP " + status + ")");
        return Optional.of(new ByteArrayInputStream(bytes));
    }

    private static String operation(ExecutionAttributes attributes) {
        return Optional.ofNullable(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME)).orElse("EC2 call");
    }
}
