package io.imgbuild.core.ssh;

/**
 * Why one attempt to reach the machine failed, in words a user can act on.
 *
 * @param kind   what kind of failure (auth failures count against ssh_handshake_attempts)
 * @param detail the specific reason ("connection refused", "no more authentication methods")
 */
record ConnectFailure(Kind kind, String detail) {

    enum Kind {
        /** Nothing listens there (yet): the machine is still booting. */
        REFUSED,
        /** No answer in time: a firewall, a wrong address, or a machine still booting. */
        TIMED_OUT,
        /** Connected, but the SSH conversation failed (sshd starting up, or not an SSH server). */
        HANDSHAKE,
        /** The server refused the credentials. */
        AUTH,
        /** The host key did not match ssh_host_key_fingerprint: never retried. */
        HOST_KEY,
        /** Anything else (no route, unknown host). */
        OTHER
    }

    String describe() {
        return switch (kind) {
            case REFUSED -> "connection refused";
            case TIMED_OUT -> "connection timed out";
            case HANDSHAKE -> "SSH handshake failed: " + detail;
            case AUTH -> "authentication failed: " + detail;
            case HOST_KEY -> detail;
            case OTHER -> detail;
        };
    }
}
