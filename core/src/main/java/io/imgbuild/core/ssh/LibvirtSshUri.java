package io.imgbuild.core.ssh;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the SSH login out of a libvirt connection URI, {@code driver+ssh://[user@]host[:port]/path[?keyfile=PATH]},
 * as libvirt's ssh transport reads it: the user defaults to whoever runs it, the port to 22.
 */
final class LibvirtSshUri {

    private static final int SSH_PORT = 22;

    private LibvirtSshUri() {
    }

    static Optional<HostTunnels.HostLogin> parse(String uri, String currentUser, String agentSocket) {
        if (uri == null || !isSshTransport(uri)) {
            return Optional.empty();
        }
        URI u;
        try {
            u = new URI(uri);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("libvirt URI " + uri + " is malformed: " + e.getReason());
        }
        String authority = u.getRawAuthority();
        if (authority == null || authority.isEmpty()) {
            throw new IllegalArgumentException("libvirt URI " + uri + " names no host; write it as"
                    + " qemu+ssh://user@host/system");
        }
        String user = currentUser;
        String hostPort = authority;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            user = decode(authority.substring(0, at));
            hostPort = authority.substring(at + 1);
        }
        String host = hostPort;
        int port = SSH_PORT;
        int colon = hostPort.lastIndexOf(':');
        int bracket = hostPort.lastIndexOf(']');
        if (colon > bracket) { // a port, not part of an IPv6 address
            host = hostPort.substring(0, colon);
            port = port(hostPort.substring(colon + 1), uri);
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("libvirt URI " + uri + " names no host; write it as"
                    + " qemu+ssh://user@host/system");
        }
        return Optional.of(new HostTunnels.HostLogin(decode(host), port, user, keyFile(u.getRawQuery()), agentSocket));
    }

    /** {@code qemu+ssh}, {@code qemu+libssh}, {@code qemu+libssh2}: libvirt's transports over SSH. */
    static boolean isSshTransport(String uri) {
        int colon = uri.indexOf(':');
        if (colon < 0) {
            return false;
        }
        String scheme = uri.substring(0, colon).toLowerCase(Locale.ROOT);
        int plus = scheme.indexOf('+');
        if (plus < 0) {
            return false;
        }
        String transport = scheme.substring(plus + 1);
        return transport.equals("ssh") || transport.equals("libssh") || transport.equals("libssh2");
    }

    private static int port(String text, String uri) {
        if (text.isEmpty()) {
            return SSH_PORT;
        }
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("libvirt URI " + uri + " has port " + text + ", not a number from 1 to 65535");
    }

    /** The last {@code keyfile} parameter (libvirt takes the last), or null. */
    private static Path keyFile(String rawQuery) {
        if (rawQuery == null) {
            return null;
        }
        Path key = null;
        for (String param : rawQuery.split("&")) {
            int eq = param.indexOf('=');
            if (eq > 0 && decode(param.substring(0, eq)).equals("keyfile")) {
                String value = decode(param.substring(eq + 1));
                key = value.isEmpty() ? null : Path.of(value);
            }
        }
        return key;
    }

    /** Percent-decoding only: in a URI, unlike a form, '+' is itself. */
    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
