package io.imgbuild.builder.qemu;

import io.imgbuild.core.ssh.HostTunnels;
import java.net.URI;
import java.util.Locale;

/**
 * What a libvirt URI says about where the machine runs. Files (disks, ISO, media) are shared with
 * the libvirt host only when it is this machine; a remote host is reached through SSH, which also
 * carries the guest's SSH port and the HTTP server, so only the ssh transports can build remotely.
 */
final class LibvirtHost {

    enum Kind {
        /** This machine's daemon: paths are shared, the guest's forwarded ports are on 127.0.0.1 here. */
        LOCAL,
        /** A host reached with the ssh transport: files go to a storage pool, ports through a tunnel. */
        REMOTE_SSH,
        /** A remote host over tcp or tls: no way to reach the guest's loopback-forwarded ports. */
        REMOTE_OTHER
    }

    private LibvirtHost() {
    }

    static Kind kind(String uri) {
        if (HostTunnels.isSshTransport(uri)) {
            return Kind.REMOTE_SSH; // even to 127.0.0.1: the far side's files are not ours to assume
        }
        URI u;
        try {
            u = URI.create(uri);
        } catch (IllegalArgumentException e) {
            return Kind.LOCAL; // libvirt reports a malformed URI itself when connecting
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        String host = u.getHost();
        boolean local = host == null || host.isEmpty() || host.equals("localhost") || host.equals("127.0.0.1")
                || host.equals("::1");
        return scheme.endsWith("+unix") || local ? Kind.LOCAL : Kind.REMOTE_OTHER;
    }
}
