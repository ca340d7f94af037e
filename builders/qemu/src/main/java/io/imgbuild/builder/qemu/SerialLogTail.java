package io.imgbuild.builder.qemu;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the guest's serial console (the file virtlogd writes) into the debug log, line by line, as it
 * comes: when a boot goes wrong, the kernel's and systemd's messages say why.
 */
final class SerialLogTail implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("io.imgbuild.qemu.serial");
    private static final long POLL_MILLIS = 250;

    private final Path file;
    private final String machine;
    private final Thread thread;
    private volatile boolean stop;

    SerialLogTail(Path file, String machine) {
        this.file = file;
        this.machine = machine;
        this.thread = new Thread(this::run, "serial-log " + machine);
        this.thread.setDaemon(true);
    }

    SerialLogTail start() {
        thread.start();
        return this;
    }

    private void run() {
        long offset = 0;
        StringBuilder line = new StringBuilder();
        byte[] buf = new byte[8192];
        while (true) {
            boolean last = Thread.interrupted() | stop; // one more read after stop, for what came in the meantime
            try {
                if (Files.exists(file)) {
                    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
                        f.seek(offset);
                        int n;
                        while ((n = f.read(buf)) > 0) {
                            offset += n;
                            emit(new String(buf, 0, n, StandardCharsets.UTF_8), line);
                        }
                    }
                }
            } catch (IOException e) {
                LOG.debug("[{}] cannot read the serial log {}: {}", machine, file, e.getMessage());
            }
            if (last) {
                if (!line.isEmpty()) {
                    LOG.debug("[{}] {}", machine, line);
                }
                return;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                stop = true;
            }
        }
    }

    private void emit(String chunk, StringBuilder line) {
        for (int i = 0; i < chunk.length(); i++) {
            char c = chunk.charAt(i);
            if (c == '\n') {
                LOG.debug("[{}] {}", machine, line);
                line.setLength(0);
            } else if (c != '\r') {
                line.append(c);
            }
        }
    }

    @Override
    public void close() {
        stop = true;
        thread.interrupt(); // cut its poll sleep short: a build's cleanup should not wait for it
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
