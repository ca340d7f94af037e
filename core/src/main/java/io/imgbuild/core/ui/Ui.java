package io.imgbuild.core.ui;

import io.imgbuild.core.secret.Secrets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The run's voice: masks secrets once, then hands each event to every sink (console format, the
 * log). Masking here, before any sink, is what keeps a new output format from leaking a secret.
 */
public final class Ui implements AutoCloseable {

    private final Secrets secrets;
    private final List<UiSink> sinks;
    private final Clock clock;

    public Ui(Secrets secrets, List<UiSink> sinks, Clock clock) {
        this.secrets = secrets;
        this.sinks = new CopyOnWriteArrayList<>(sinks);
        this.clock = clock;
    }

    public Clock clock() {
        return clock;
    }

    public void emit(UiEvent event) {
        UiEvent masked = EventMasker.mask(event, secrets);
        for (UiSink s : sinks) {
            s.accept(masked);
        }
    }

    /** A voice for one build (or, with a null name, for the run itself). */
    public BuildUi forBuild(String build) {
        return new BuildUi(this, build, null);
    }

    @Override
    public void close() {
        for (UiSink s : sinks) {
            s.close();
        }
    }
}
