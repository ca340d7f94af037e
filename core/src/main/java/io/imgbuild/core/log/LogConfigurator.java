package io.imgbuild.core.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logging is off unless {@code IMGBUILD_LOG} (or Packer's {@code PACKER_LOG}) is set to something
 * other than "" or "0"; then everything goes to stderr, or to {@code IMGBUILD_LOG_PATH} /
 * {@code PACKER_LOG_PATH}. Configured in code, found by logback through ServiceLoader: no XML to
 * parse at start-up. Every line is masked for secrets.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_TOP_PRIORITY)
public final class LogConfigurator extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        LogSettings settings = LogSettings.fromEnvironment(System.getenv());
        if (!settings.enabled()) {
            root.setLevel(Level.OFF);
            return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
        }
        MaskingLayout layout = new MaskingLayout();
        layout.setContext(context);
        layout.setPattern("%d{yyyy/MM/dd HH:mm:ss.SSS} [%thread] %-5level %logger{30}: %msg%n%ex");
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        OutputStreamAppender<ILoggingEvent> appender;
        if (settings.path() != null) {
            FileAppender<ILoggingEvent> file = new FileAppender<>();
            file.setFile(settings.path());
            file.setAppend(true);
            appender = file;
        } else {
            ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
            console.setTarget("System.err");
            appender = console;
        }
        appender.setContext(context);
        appender.setName("imgbuild");
        appender.setEncoder(encoder);
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.DEBUG);
        // Chatty libraries stay at INFO unless asked for; their DEBUG drowns the build's own story.
        for (String noisy : new String[]{"com.networknt", "org.apache.sshd", "software.amazon.awssdk", "org.apache.cxf",
                "io.netty", "org.apache.http"}) {
            context.getLogger(noisy).setLevel(settings.trace() ? Level.DEBUG : Level.INFO);
        }
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
