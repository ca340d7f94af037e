package io.imgbuild.core.log;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.imgbuild.core.secret.Secrets;

/** The usual pattern layout, with every secret masked (messages, arguments and stack traces alike). */
public final class MaskingLayout extends PatternLayout {

    @Override
    public String doLayout(ILoggingEvent event) {
        return Secrets.global().mask(super.doLayout(event));
    }
}
