package io.imgbuild.core.ui;

import java.time.Duration;
import java.time.Instant;

/**
 * Reports progress of a long transfer, throttled so a tight copy loop can call {@link #advance} on
 * every buffer: at most one event per 200 ms (sinks decide how often to actually draw).
 */
public final class ProgressBar implements AutoCloseable {

    private static final long MIN_INTERVAL_NANOS = Duration.ofMillis(200).toNanos();

    private final Ui ui;
    private final String build;
    private final String component;
    private final String label;
    private final long total;
    private final long startNanos = System.nanoTime();
    private long done;
    private long lastEmitNanos;
    private boolean closed;

    ProgressBar(Ui ui, String build, String component, String label, long total) {
        this.ui = ui;
        this.build = build;
        this.component = component;
        this.label = label;
        this.total = total;
        emit(false);
    }

    public synchronized void advance(long n) {
        done += n;
        long now = System.nanoTime();
        if (now - lastEmitNanos >= MIN_INTERVAL_NANOS) {
            emit(false);
        }
    }

    public synchronized long done() {
        return done;
    }

    private void emit(boolean finished) {
        lastEmitNanos = System.nanoTime();
        double seconds = (lastEmitNanos - startNanos) / 1e9;
        double rate = seconds > 0 ? done / seconds : 0;
        ui.emit(new UiEvent.Progress(Instant.now(ui.clock()), build, component, label, done, total, rate, finished));
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            emit(true);
        }
    }
}
