package io.imgbuild.core.ssh;

import io.imgbuild.core.communicator.RemotePath;
import io.imgbuild.core.step.CancelledException;
import io.imgbuild.core.step.Cancellation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.LongConsumer;

/** How files move over one SSH session: SFTP or SCP (ssh_file_transfer_method). */
interface FileTransfer extends AutoCloseable {

    void upload(Path local, String remote, LongConsumer progress, Cancellation c) throws IOException, CancelledException;

    void upload(byte[] content, String remote, int mode, Cancellation c) throws IOException, CancelledException;

    void uploadDirectory(Path localDir, String remoteDir, LongConsumer progress, Cancellation c)
            throws IOException, CancelledException;

    /** Writes to {@code localTemp}; the caller moves it into place. */
    void download(String remote, Path localTemp, LongConsumer progress, Cancellation c) throws IOException, CancelledException;

    void downloadDirectory(String remoteDir, Path localDir, LongConsumer progress, Cancellation c)
            throws IOException, CancelledException;

    RemotePath stat(String remote) throws IOException;

    /** Whether it can still be used; a transfer cut off in the middle closes its channel. */
    boolean isOpen();

    @Override
    void close();
}
