package io.imgbuild.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.core.step.Cancellation;
import io.imgbuild.core.step.CancelledException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class ProcessRunnerTest {

    @TempDir
    Path dir;

    private final List<String> out = Collections.synchronizedList(new ArrayList<>());
    private final List<String> err = Collections.synchronizedList(new ArrayList<>());
    private final OutputListener listener = new OutputListener() {
        @Override
        public void stdout(String line) {
            out.add(line);
        }

        @Override
        public void stderr(String line) {
            err.add(line);
        }
    };

    private int sh(String script, Cancellation c) throws Exception {
        return ProcessRunner.run(List.of("/bin/sh", "-c", script), Map.of("GREETING", "hello there"), dir, listener, c);
    }

    @Test
    void exitCodes() throws Exception {
        assertEquals(0, sh("true", Cancellation.root()));
        assertEquals(3, sh("exit 3", Cancellation.root()));
        assertEquals(127, sh("no-such-command-xyz 2>/dev/null", Cancellation.root()));
    }

    @Test
    void stdoutAndStderrLinesAreSeparate() throws Exception {
        sh("echo out1; echo err1 >&2; printf 'out2\\nno-newline'", Cancellation.root());
        assertEquals(List.of("out1", "out2", "no-newline"), out);
        assertEquals(List.of("err1"), err);
    }

    @Test
    void environmentAndWorkingDirectory() throws Exception {
        sh("echo \"$GREETING\"; pwd", Cancellation.root());
        assertEquals(List.of("hello there", dir.toRealPath().toString()), out);
    }

    @Test
    void aMissingProgramIsAnIOException() {
        assertThrows(java.io.IOException.class, () -> ProcessRunner.run(List.of("/no/such/program"), Map.of(), dir, listener,
                Cancellation.root()));
    }

    @Test
    void cancelKillsTheProcessAndEverythingItStarted() throws Exception {
        Cancellation c = Cancellation.root();
        // The shell reports its own pid, a background sleep's, and a grandchild's (in a subshell).
        String script = "echo $$; sleep 60 & echo $!; (sleep 61 & echo $!; wait) & sleep 62";
        Thread canceller = new Thread(() -> {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (out.size() < 3 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            c.cancel("interrupted");
        });
        canceller.start();
        long t0 = System.nanoTime();
        assertThrows(CancelledException.class, () -> sh(script, c));
        canceller.join();
        assertTrue(Duration.ofNanos(System.nanoTime() - t0).toSeconds() < 15);
        assertEquals(3, out.size(), out::toString);
        for (String pid : out) {
            Optional<ProcessHandle> h = ProcessHandle.of(Long.parseLong(pid.trim()));
            assertFalse(h.isPresent() && h.get().isAlive(), "process " + pid + " is still running");
        }
    }

    @Test
    void cancelledBeforeStartRunsNothing() {
        Cancellation c = Cancellation.root();
        c.cancel("early");
        assertThrows(CancelledException.class, () -> sh("echo ran", c));
        assertEquals(List.of(), out);
    }
}
