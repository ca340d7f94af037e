package io.imgbuild.core.communicator;

import io.imgbuild.core.exec.OutputListener;
import io.imgbuild.core.step.CancelledException;
import io.imgbuild.core.step.Cancellation;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.LongConsumer;

/**
 * A connection to the machine being built, used by provisioners: run commands and move files.
 * Implementations reconnect by themselves when the machine went away (a reboot) and a later call
 * comes; an {@link IOException} means the operation could not be done.
 *
 * <p>Transfers report progress as byte counts through {@code progress} (may be a no-op).
 */
public interface Communicator extends AutoCloseable {

    /** "ssh vagrant@127.0.0.1:2222", for messages. */
    String describe();

    /**
     * Runs a shell command line on the machine, streaming its output line by line.
     *
     * @return the exit status, or that the connection dropped before one came
     * @throws IOException when the command could not be started
     */
    ExecResult execute(String command, OutputListener output, Cancellation cancellation)
            throws IOException, CancelledException;

    /** Uploads one local file to a remote path (a file name, not a directory); the mode is kept. */
    void upload(Path local, String remote, LongConsumer progress, Cancellation cancellation)
            throws IOException, CancelledException;

    /** Writes bytes to a remote file with the given permission bits (e.g. 0600). */
    void upload(byte[] content, String remote, int mode, Cancellation cancellation) throws IOException, CancelledException;

    /** Copies the contents of a local directory into a remote directory, which is created if missing. */
    void uploadDirectory(Path localDir, String remoteDir, LongConsumer progress, Cancellation cancellation)
            throws IOException, CancelledException;

    /** Downloads one remote file to a local path (a file name, not a directory). */
    void download(String remote, Path local, LongConsumer progress, Cancellation cancellation)
            throws IOException, CancelledException;

    /** Copies the contents of a remote directory into a local directory, which is created if missing. */
    void downloadDirectory(String remoteDir, Path localDir, LongConsumer progress, Cancellation cancellation)
            throws IOException, CancelledException;

    /** What is at a remote path: missing, a file (with its size) or a directory (with its total size). */
    RemotePath stat(String remote) throws IOException;

    /**
     * Until the returned scope is closed, a call that finds the machine gone waits for it to come back
     * at most {@code limit} from now, not the connection's own timeout (ssh_timeout): a caller that
     * retries within a time of its own (the shell provisioner's start_retry_timeout) is not held past
     * it by a machine that never returns. A communicator that never waits for the machine has nothing
     * to limit.
     */
    default ReconnectLimit limitReconnects(Duration limit) {
        return () -> { };
    }

    /** Ends a {@link #limitReconnects} scope, putting back the limit before it. */
    @FunctionalInterface
    interface ReconnectLimit extends AutoCloseable {
        @Override
        void close();
    }

    @Override
    void close();
}
