package io.imgbuild.cli.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real ssh-agent ({@code ssh-agent -D -a SOCKET}) for a test, holding the keys it is given with
 * ssh-add; {@link #close()} stops it and removes its socket.
 */
public final class SshAgentProcess implements AutoCloseable {

    private final Process agent;
    private final Path socket;

    private SshAgentProcess(Process agent, Path socket) {
        this.agent = agent;
        this.socket = socket;
    }

    /** Starts an agent listening on {@code dir/agent.sock}. */
    public static SshAgentProcess start(Path dir) throws IOException, InterruptedException {
        Path socket = dir.resolve("agent.sock");
        Process agent = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString()).redirectErrorStream(true).start();
        try {
            CliProcess.awaitFile(socket, Duration.ofSeconds(10));
        } catch (AssertionError | RuntimeException e) {
            agent.destroyForcibly();
            throw e;
        }
        return new SshAgentProcess(agent, socket);
    }

    /** The agent's socket: what SSH_AUTH_SOCK names. */
    public Path socket() {
        return socket;
    }

    /** ssh-add KEY; fails the test when the agent does not take it. */
    public SshAgentProcess add(Path privateKey) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("ssh-add", privateKey.toString()).redirectErrorStream(true);
        pb.environment().put("SSH_AUTH_SOCK", socket.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("ssh-add " + privateKey + " failed: " + out);
        }
        return this;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        agent.destroy();
        if (!agent.waitFor(10, TimeUnit.SECONDS)) {
            agent.destroyForcibly();
        }
        Files.deleteIfExists(socket);
    }
}
