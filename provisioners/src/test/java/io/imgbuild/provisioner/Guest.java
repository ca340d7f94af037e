package io.imgbuild.provisioner;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.imgbuild.core.communicator.Communicator;
import io.imgbuild.core.communicator.ExecResult;
import io.imgbuild.core.exec.OutputListener;
import io.imgbuild.core.ssh.SshCommunicator;
import io.imgbuild.core.ssh.SshSettings;
import io.imgbuild.core.step.Cancellation;
import io.imgbuild.testkit.ssh.OpenSshServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A guest for provisioner tests: a real OpenSSH server on this machine and a real SSH communicator
 * connected to it. The guest's file system is this machine's, so tests may check results directly
 * on disk; each test works in its own directory under the guest user's home.
 */
public final class Guest implements AutoCloseable {

    private static final AtomicInteger DIRS = new AtomicInteger();

    private final OpenSshServer server;
    private final List<Path> made = new CopyOnWriteArrayList<>();

    private Guest(OpenSshServer server) {
        this.server = server;
    }

    public static Guest start() throws Exception {
        return new Guest(OpenSshServer.start());
    }

    public OpenSshServer server() {
        return server;
    }

    /** A fresh test context with a communicator connected to this guest (its messages recorded too). */
    public TestContext connect(Path workingDir) throws Exception {
        TestContext ctx = new TestContext(workingDir);
        ctx.use(SshCommunicator.connect(SshSettings.of(server.host(), server.port(), server.user(),
                server.password(), server.privateKey()), ctx.buildUi(), Cancellation.root()));
        ctx.forget(); // only what the provisioner says is checked
        return ctx;
    }

    /**
     * A new, empty directory owned by the guest user under its home, made through SSH;
     * returned as the guest's path (which is also the local path).
     */
    public String newDir(Communicator comm, String prefix) throws Exception {
        String dir = server.homeDir().resolve("t" + ProcessHandle.current().pid() + "-" + DIRS.incrementAndGet()
                + "-" + prefix).toString();
        run(comm, "rm -rf '" + dir + "' && mkdir -p '" + dir + "'");
        made.add(Path.of(dir));
        return dir;
    }

    /** Runs a helper command on the guest, failing the test if it does not exit 0; returns its output. */
    public static String run(Communicator comm, String command) throws Exception {
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        ExecResult r = comm.execute(command, new OutputListener() {
            @Override
            public synchronized void stdout(String line) {
                out.append(line).append('\n');
            }

            @Override
            public synchronized void stderr(String line) {
                err.append(line).append('\n');
            }
        }, Cancellation.root());
        assertFalse(r.disconnected() || r.exitStatus() != 0, () -> "\"" + command + "\" failed: " + r + "\n" + err);
        return out.toString();
    }

    /** Stops the server and removes the test directories (the guest's disk is this machine's). */
    @Override
    public void close() {
        server.close();
        for (Path dir : made) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException | UncheckedIOException e) {
                // best effort: a leftover test directory harms nothing
            }
        }
    }
}
