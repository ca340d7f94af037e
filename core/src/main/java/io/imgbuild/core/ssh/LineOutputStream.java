package io.imgbuild.core.ssh;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** Splits a byte stream into UTF-8 lines for a listener; a last line without newline is flushed on close. */
final class LineOutputStream extends OutputStream {

    private final Consumer<String> lines;
    private final ByteArrayOutputStream current = new ByteArrayOutputStream(256);

    LineOutputStream(Consumer<String> lines) {
        this.lines = lines;
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            emit();
        } else {
            current.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        int start = off;
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                current.write(b, start, i - start);
                emit();
                start = i + 1;
            }
        }
        current.write(b, start, off + len - start);
    }

    private void emit() {
        String line = current.toString(StandardCharsets.UTF_8);
        current.reset();
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        lines.accept(line);
    }

    @Override
    public synchronized void close() {
        if (current.size() > 0) {
            emit();
        }
    }
}
