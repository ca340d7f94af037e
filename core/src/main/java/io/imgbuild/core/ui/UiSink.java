package io.imgbuild.core.ui;

/** One output format. Called from many build threads: implementations serialise their writes. */
public interface UiSink extends AutoCloseable {

    void accept(UiEvent event);

    @Override
    default void close() {
    }
}
