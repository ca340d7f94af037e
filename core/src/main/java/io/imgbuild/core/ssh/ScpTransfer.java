package io.imgbuild.core.ssh;

import io.imgbuild.core.communicator.RemotePath;
import io.imgbuild.core.fs.WriteBehind;
import io.imgbuild.core.step.CancelledException;
import io.imgbuild.core.step.Cancellation;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.scp.client.ScpClient;
import org.apache.sshd.scp.common.ScpTransferEventListener;

/**
 * File transfer with the SCP protocol (ssh_file_transfer_method: scp), for servers without SFTP.
 * Directory creation and stat, which SCP cannot do, go through small shell commands.
 */
final class ScpTransfer implements FileTransfer {

    /** Runs a command on the machine and returns its output, failing on a non-zero exit. */
    interface Shell {
        String run(String command) throws IOException;
    }

    private final ClientSession session;
    private final Shell shell;

    ScpTransfer(ClientSession session, Shell shell) {
        this.session = session;
        this.shell = shell;
    }

    @Override
    public void upload(Path local, String remote, LongConsumer progress, Cancellation c) throws IOException,
            CancelledException {
        c.throwIfCancelled();
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(local);
        try (InputStream in = counting(Files.newInputStream(local), progress, c)) {
            client(null).upload(in, remote, Files.size(local), perms, null);
        }
    }

    @Override
    public void upload(byte[] content, String remote, int mode, Cancellation c) throws IOException, CancelledException {
        c.throwIfCancelled();
        // scp creates the file with the given mode before writing the content.
        client(null).upload(content, remote, permissions(mode), null);
    }

    @Override
    public void uploadDirectory(Path localDir, String remoteDir, LongConsumer progress, Cancellation c)
            throws IOException, CancelledException {
        shell.run("mkdir -p " + Quote.sh(remoteDir));
        List<Path> entries;
        try (Stream<Path> s = Files.list(localDir)) {
            entries = s.sorted().toList();
        }
        ScpClient scp = client(progress);
        for (Path p : entries) {
            c.throwIfCancelled();
            scp.upload(p, remoteDir, ScpClient.Option.Recursive, ScpClient.Option.TargetIsDirectory,
                    ScpClient.Option.PreserveAttributes);
        }
    }

    @Override
    public void download(String remote, Path localTemp, LongConsumer progress, Cancellation c) throws IOException,
            CancelledException {
        c.throwIfCancelled();
        try (OutputStream out = counting(WriteBehind.newOutputStream(localTemp), progress)) {
            client(null).download(remote, out);
        }
    }

    @Override
    public void downloadDirectory(String remoteDir, Path localDir, LongConsumer progress, Cancellation c)
            throws IOException, CancelledException {
        c.throwIfCancelled();
        Files.createDirectories(localDir);
        String listing = shell.run("cd " + Quote.sh(remoteDir) + " && ls -A");
        ScpClient scp = client(progress);
        for (String name : listing.split("\n")) {
            if (!name.isEmpty()) {
                c.throwIfCancelled();
                scp.download(SftpTransfer.join(remoteDir, name), localDir, ScpClient.Option.Recursive,
                        ScpClient.Option.TargetIsDirectory, ScpClient.Option.PreserveAttributes);
            }
        }
    }

    @Override
    public RemotePath stat(String remote) throws IOException {
        String q = Quote.sh(remote);
        String out = shell.run("if [ -d " + q + " ]; then echo d $(du -sb " + q + " | cut -f1); elif [ -e " + q
                + " ]; then echo f $(wc -c < " + q + "); else echo m 0; fi").trim();
        String[] parts = out.split("\\s+");
        long size = parts.length > 1 ? Long.parseLong(parts[1]) : 0;
        return switch (parts[0]) {
            case "d" -> new RemotePath(RemotePath.Kind.DIRECTORY, size);
            case "f" -> new RemotePath(RemotePath.Kind.FILE, size);
            default -> RemotePath.MISSING;
        };
    }

    private ScpClient client(LongConsumer progress) {
        if (progress == null) {
            return new BulkScpClient(session, null);
        }
        return new BulkScpClient(session, new ScpTransferEventListener() {
            @Override
            public void endFileEvent(Session s, FileOperation op, Path file, long length, Set<PosixFilePermission> perms,
                                     Throwable thrown) {
                if (thrown == null) {
                    progress.accept(length);
                }
            }
        });
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> perms = java.util.EnumSet.noneOf(PosixFilePermission.class);
        for (PosixFilePermission p : PosixFilePermission.values()) {
            if ((mode & (1 << (8 - p.ordinal()))) != 0) {
                perms.add(p);
            }
        }
        return perms;
    }

    private static InputStream counting(InputStream in, LongConsumer progress, Cancellation c) {
        return new FilterInputStream(in) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (c.isCancelled()) {
                    throw new java.io.InterruptedIOException("cancelled");
                }
                int n = super.read(b, off, len);
                if (n > 0) {
                    progress.accept(n);
                }
                return n;
            }
        };
    }

    private static OutputStream counting(OutputStream out, LongConsumer progress) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                progress.accept(len);
            }
        };
    }

    @Override
    public boolean isOpen() {
        return true; // each transfer opens its own channel
    }

    @Override
    public void close() {
        // nothing to close: each transfer opens its own channel
    }
}
