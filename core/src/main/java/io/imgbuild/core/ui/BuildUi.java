package io.imgbuild.core.ui;

import io.imgbuild.core.ui.UiEvent.Level;

/** What steps and plugins use to talk to the user about one build. */
public final class BuildUi {

    private final Ui ui;
    private final String build;
    private final String component;

    BuildUi(Ui ui, String build, String component) {
        this.ui = ui;
        this.build = build;
        this.component = component;
    }

    /** The same build, speaking as a component: its lines read "build (component): ...". */
    public BuildUi forComponent(String name) {
        return new BuildUi(ui, build, name);
    }

    public String build() {
        return build;
    }

    /** A step's headline ("==> build: Creating disk..."). */
    public void say(String text) {
        line(Level.SAY, text);
    }

    /** Detail under a headline ("    build: wrote 12 MiB"). */
    public void message(String text) {
        line(Level.MESSAGE, text);
    }

    public void error(String text) {
        line(Level.ERROR, text);
    }

    private void line(Level level, String text) {
        ui.emit(new UiEvent.Line(ui.clock().instant(), build, component, level, text));
    }

    /** A progress bar for {@code total} bytes (or items); close it when done. */
    public ProgressBar progress(String label, long total) {
        return new ProgressBar(ui, build, component, label, total);
    }

    public Ui ui() {
        return ui;
    }
}
