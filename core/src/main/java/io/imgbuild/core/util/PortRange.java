package io.imgbuild.core.util;

import java.io.IOException;
import java.net.BindException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A range of TCP ports to listen on, as Packer's {@code *_port_min} / {@code *_port_max} options give
 * it: a free port is picked at random, so parallel builds do not all race for the lowest one. Both
 * ends 0 means any free port the system chooses.
 */
public record PortRange(int min, int max) {

    /** Tries to listen on one port; a {@link BindException} means "taken, try another". */
    @FunctionalInterface
    public interface Binder {
        void bind(int port) throws IOException;
    }

    public PortRange {
        if (min < 0 || max > 65535 || min > max) {
            throw new IllegalArgumentException("not a port range: " + min + "-" + max);
        }
    }

    /**
     * Binds the first port that is free, trying each port of the range once from a random start.
     *
     * @return the port bound (0 when the system chooses: ask what was bound for the real one)
     * @throws BindException the last port's failure, when no port in the range could be bound
     */
    public int bind(Binder binder) throws IOException {
        if (max == 0) {
            binder.bind(0);
            return 0;
        }
        int low = Math.max(min, 1); // port 0 would be any port, outside the range
        int size = max - low + 1;
        int start = ThreadLocalRandom.current().nextInt(size);
        BindException last = null;
        for (int i = 0; i < size; i++) {
            int port = low + (start + i) % size;
            try {
                binder.bind(port);
                return port;
            } catch (BindException e) {
                last = e;
            }
        }
        throw last;
    }

    @Override
    public String toString() {
        return min == max ? String.valueOf(min) : min + "-" + max;
    }
}
