package io.imgbuild.builder.qemu;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Picks a free TCP port in a range, starting at a random place as Packer does, so parallel builds
 * rarely race for the same one. The port is only free when checked: callers retry when QEMU then fails
 * to bind it.
 */
final class FreePorts {

    private FreePorts() {
    }

    /** A free port in [min, max] on {@code host}, not in {@code avoid}; -1 when there is none. */
    static int pick(String host, int min, int max, Set<Integer> avoid) {
        int span = max - min + 1;
        int start = ThreadLocalRandom.current().nextInt(span);
        for (int i = 0; i < span; i++) {
            int port = min + (start + i) % span;
            if (!avoid.contains(port) && free(host, port)) {
                return port;
            }
        }
        return -1;
    }

    private static boolean free(String host, int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(false);
            s.bind(new InetSocketAddress(InetAddress.getByName(host), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
