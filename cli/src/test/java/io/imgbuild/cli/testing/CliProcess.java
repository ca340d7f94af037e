package io.imgbuild.cli.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the CLI as a real separate JVM (for signals, exit codes and process-wide logging), with the
 * test classpath so test-only plugins are found.
 */
public final class CliProcess implements AutoCloseable {

    private final Process process;
    private final Path out;
    private final Path err;

    private CliProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    public static CliProcess start(Path dir, Map<String, String> env, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("io.imgbuild.cli.Main");
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "stdout", ".txt");
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().putAll(env);
        return new CliProcess(pb.start(), out, err);
    }

    public long pid() {
        return process.pid();
    }

    /** Sends SIGINT, as Ctrl-C does. */
    public void interrupt() throws IOException, InterruptedException {
        // bash's builtin kill: a minimal machine may have no /bin/kill
        new ProcessBuilder("bash", "-c", "kill -INT " + process.pid()).start().waitFor();
    }

    public int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("imgbuild did not exit within " + timeout + "; stdout:\n" + out() + "\nstderr:\n" + err());
        }
        return process.exitValue();
    }

    public String out() {
        return read(out);
    }

    public String err() {
        return read(err);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Waits until stdout contains {@code text} (the build reached a point), or fails. */
    public void awaitOutput(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!out().contains(text)) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new AssertionError("stdout never showed \"" + text + "\"; stdout:\n" + out() + "\nstderr:\n" + err());
            }
            Thread.sleep(100);
        }
    }

    /** Sends SIGKILL: the process gets no chance to clean up. */
    public void kill() throws IOException, InterruptedException {
        new ProcessBuilder("bash", "-c", "kill -KILL " + process.pid()).start().waitFor();
        process.waitFor();
    }

    /** Waits until a file exists (a step reached a point), or fails. */
    public static void awaitFile(Path file, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.exists(file)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + file);
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
