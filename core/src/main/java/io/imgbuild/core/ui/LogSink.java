package io.imgbuild.core.ui;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Copies what the user sees into the debug log, so a log file alone tells the whole story. */
public final class LogSink implements UiSink {

    private static final Logger LOG = LoggerFactory.getLogger("imgbuild.ui");

    @Override
    public void accept(UiEvent event) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        if (event instanceof UiEvent.Line l) {
            LOG.info("ui {}: {}{}: {}", l.level().name().toLowerCase(), l.build() == null ? "" : l.build(),
                    l.component() == null ? "" : " (" + l.component() + ")", l.text());
        } else if (event instanceof UiEvent.Progress p) {
            if (p.finished()) {
                LOG.info("ui progress: {}: {} {} bytes at {} B/s", p.build(), p.label(), p.done(), Math.round(p.bytesPerSecond()));
            }
        } else {
            LOG.info("ui event: {}", event);
        }
    }
}
