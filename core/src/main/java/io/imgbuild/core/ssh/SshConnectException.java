package io.imgbuild.core.ssh;

/** One connection attempt failed; {@link #failure()} says how. */
final class SshConnectException extends Exception {

    private final transient ConnectFailure failure;

    SshConnectException(ConnectFailure failure, Throwable cause) {
        super(failure.describe(), cause, false, false);
        this.failure = failure;
    }

    ConnectFailure failure() {
        return failure;
    }
}
