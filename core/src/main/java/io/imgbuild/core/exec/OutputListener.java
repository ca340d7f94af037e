package io.imgbuild.core.exec;

/** Receives a command's output line by line, as it comes. */
public interface OutputListener {

    void stdout(String line);

    void stderr(String line);

    /** A listener from two line consumers, e.g. {@code OutputListener.of(ui::message, ui::error)}. */
    static OutputListener of(java.util.function.Consumer<String> out, java.util.function.Consumer<String> err) {
        return new OutputListener() {
            @Override
            public void stdout(String line) {
                out.accept(line);
            }

            @Override
            public void stderr(String line) {
                err.accept(line);
            }
        };
    }
}
