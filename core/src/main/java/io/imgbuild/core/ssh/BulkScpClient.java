package io.imgbuild.core.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.file.util.MockFileSystem;
import org.apache.sshd.scp.client.DefaultScpClient;
import org.apache.sshd.scp.client.ScpClient;
import org.apache.sshd.scp.common.ScpHelper;
import org.apache.sshd.scp.common.ScpTransferEventListener;

/**
 * MINA's SCP client, receiving in 128 KiB reads instead of its fixed 8 KiB: each read from the
 * channel takes a lock and each write to the local file is a system call, and 8 KiB at a time
 * held a 1 GiB download to ~110 MiB/s here. The protocol steps are MINA's own, unchanged.
 */
final class BulkScpClient extends DefaultScpClient {

    private static final int RECEIVE_BUFFER = 128 << 10;

    BulkScpClient(ClientSession session, ScpTransferEventListener listener) {
        super(session, null, listener);
    }

    @Override
    public void download(String remote, OutputStream local) throws IOException {
        String cmd = ScpClient.createReceiveCommand(remote, Collections.emptyList());
        receive(cmd, new MockFileSystem(remote), helper -> helper.receiveFileStream(cmd, local, RECEIVE_BUFFER));
    }

    @Override
    protected void download(String remote, FileSystem fs, Path local, Collection<Option> options) throws IOException {
        String cmd = ScpClient.createReceiveCommand(remote, options);
        receive(cmd, fs, helper -> helper.receive(cmd, local, options.contains(Option.Recursive),
                options.contains(Option.TargetIsDirectory), options.contains(Option.PreserveAttributes), RECEIVE_BUFFER));
    }

    @FunctionalInterface
    private interface Receiving {
        void run(ScpHelper helper) throws IOException;
    }

    /** Runs {@code cmd} ("scp -f ...") and the receiving side of the protocol on its channel. */
    private void receive(String cmd, FileSystem fs, Receiving receiving) throws IOException {
        ClientSession session = getClientSession();
        ChannelExec channel = openCommandChannel(session, cmd);
        try (InputStream fromRemote = channel.getInvertedOut(); OutputStream toRemote = channel.getInvertedIn()) {
            receiving.run(new ScpHelper(session, fromRemote, toRemote, fs, opener, listener));
            handleCommandExitStatus(cmd, channel);
        } finally {
            channel.close(false);
        }
    }
}
