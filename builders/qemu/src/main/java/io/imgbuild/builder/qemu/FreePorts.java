package io.imgbuild.builder.qemu;

import io.imgbuild.core.util.PortRange;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;

/**
 * A free TCP port in a range for QEMU to listen on (SSH forward, VNC). The port is only known free
 * when checked, since QEMU binds it later: callers retry when QEMU then fails to bind it.
 */
final class FreePorts {

    private FreePorts() {
    }

    /** A free port in [min, max] on {@code host}, not in {@code avoid}; -1 when there is none. */
    static int pick(String host, int min, int max, Set<Integer> avoid) {
        try {
            InetAddress address = InetAddress.getByName(host);
            return new PortRange(min, max).bind(port -> {
                if (avoid.contains(port)) {
                    throw new BindException("tried already");
                }
                try (ServerSocket s = new ServerSocket()) {
                    s.bind(new InetSocketAddress(address, port));
                }
            });
        } catch (IOException e) {
            return -1;
        }
    }
}
