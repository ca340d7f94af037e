package io.imgbuild.core.communicator;

/**
 * How a remote command ended.
 *
 * @param exitStatus   its exit status (-1 when it had none)
 * @param disconnected the connection dropped before the command reported an exit status (a reboot,
 *                     a network failure, a killed sshd)
 */
public record ExecResult(int exitStatus, boolean disconnected) {

    public static ExecResult exited(int status) {
        return new ExecResult(status, false);
    }

    public static ExecResult lostConnection() {
        return new ExecResult(-1, true);
    }
}
