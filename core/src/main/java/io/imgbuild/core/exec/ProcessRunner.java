package io.imgbuild.core.exec;

import io.imgbuild.core.step.CancelledException;
import io.imgbuild.core.step.Cancellation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a local program, streaming its output line by line. On cancel the program and everything it
 * started get SIGTERM, then SIGKILL after a grace period, so Ctrl-C or a timeout never leaves a
 * script running behind the build.
 */
public final class ProcessRunner {

    private static final long GRACE_MILLIS = 5_000;

    private ProcessRunner() {
    }

    /** Returns the exit code; throws if cancelled (after the process is gone). */
    public static int run(List<String> command, Map<String, String> env, Path workingDir, OutputListener output,
                          Cancellation cancellation) throws IOException, CancelledException {
        cancellation.throwIfCancelled();
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        if (workingDir != null) {
            pb.directory(workingDir.toFile());
        }
        pb.redirectInput(ProcessBuilder.Redirect.PIPE);
        Process p = ForkLock.start(pb);
        p.getOutputStream().close();
        Thread out = pump(p.getInputStream(), output::stdout, "stdout");
        Thread err = pump(p.getErrorStream(), output::stderr, "stderr");
        try {
            while (!waitFor(p, 100)) {
                if (cancellation.isCancelled()) {
                    terminate(p);
                    break;
                }
            }
        } finally {
            if (p.isAlive()) {
                terminate(p);
            }
            join(out);
            join(err);
        }
        cancellation.throwIfCancelled();
        return p.exitValue();
    }

    private static boolean waitFor(Process p, long millis) {
        try {
            return p.waitFor(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            // A cancel interrupts the waiting thread; the loop sees the cancellation and stops the process.
            return !p.isAlive();
        }
    }

    /** SIGTERM to the whole tree, children first; SIGKILL whatever is still there after the grace period. */
    static void terminate(Process p) {
        List<ProcessHandle> tree = p.descendants().toList();
        tree.forEach(ProcessHandle::destroy);
        p.destroy();
        long deadline = System.currentTimeMillis() + GRACE_MILLIS;
        while (System.currentTimeMillis() < deadline && (p.isAlive() || tree.stream().anyMatch(ProcessHandle::isAlive))) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                break;
            }
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        if (p.isAlive()) {
            p.destroyForcibly();
        }
        try {
            p.waitFor(GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread pump(InputStream in, Consumer<String> sink, String name) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    sink.accept(line);
                }
            } catch (IOException e) {
                // the process went away; nothing more to read
            }
        }, "process-" + name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void join(Thread t) {
        try {
            t.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
