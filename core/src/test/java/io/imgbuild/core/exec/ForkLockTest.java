package io.imgbuild.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.imgbuild.core.step.Cancellation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Threads that each write a script and run it at once, as parallel shell-local builds do: without
 * the lock a child forked by one thread holds another's script open and it fails with
 * "Text file busy" (exit 126) within a few hundred runs on this machine.
 */
@Timeout(120)
class ForkLockTest {

    @Test
    void scriptsWrittenAndRunFromManyThreadsNeverFindTheirFileBusy() throws Exception {
        int threads = 6;
        int runsEach = 60;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    List<String> failures = new ArrayList<>();
                    for (int i = 0; i < runsEach; i++) {
                        Path script = ForkLock.writeTempExecutable("imgbuild-forklock", ".sh",
                                "#!/bin/sh\nexit 7\n".repeat(1 + i % 3));
                        try {
                            List<String> err = new ArrayList<>();
                            int code = ProcessRunner.run(List.of(script.toString()), Map.of(), null,
                                    OutputListener.of(line -> { }, err::add), Cancellation.root());
                            if (code != 7) {
                                failures.add("exit " + code + " " + err);
                            }
                        } finally {
                            Files.deleteIfExists(script);
                        }
                    }
                    return failures;
                }));
            }
            List<String> failures = new ArrayList<>();
            for (Future<List<String>> f : results) {
                failures.addAll(f.get());
            }
            assertEquals(List.of(), failures);
        } finally {
            pool.shutdownNow();
        }
    }
}
