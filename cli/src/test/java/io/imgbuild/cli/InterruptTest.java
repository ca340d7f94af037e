package io.imgbuild.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.cli.testing.CliProcess;
import io.imgbuild.core.run.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C (SIGINT) while a shell-local provisioner runs: every step that started is cleaned up in
 * reverse order, the script is killed, the exit code is the interrupted one, and nothing appears at
 * the final output paths.
 */
class InterruptTest {

    private static final String TEMPLATE = """
            {
              "builders": [
                {"type": "test-journal", "name": "vm", "journal": "journal.txt", "steps": ["disk", "domain", "network"]},
                {"type": "file", "name": "f", "content": "x", "target": "out/f.txt"}
              ],
              "provisioners": [
                {"type": "shell-local", "inline": ["touch started-$PACKER_BUILD_NAME", "sleep 61.%s"]}
              ],
              "post-processors": [
                [{"type": "checksum", "output": "out/{{.BuildName}}.sha256"}, {"type": "manifest", "output": "out/manifest.json"}]
              ]
            }
            """;

    @Test
    void firstInterruptCleansUpEverythingAndExits130(@TempDir Path dir) throws Exception {
        String tag = String.valueOf(ProcessHandle.current().pid() % 1000);
        Files.writeString(dir.resolve("t.json"), TEMPLATE.formatted(tag));
        try (CliProcess p = CliProcess.start(dir, Map.of(), "build", "t.json")) {
            CliProcess.awaitFile(dir.resolve("started-vm"), Duration.ofSeconds(60));
            CliProcess.awaitFile(dir.resolve("started-f"), Duration.ofSeconds(60));
            p.interrupt();
            int code = p.waitFor(Duration.ofSeconds(60));
            String out = p.out();
            assertEquals(ExitCodes.INTERRUPTED, code, out + p.err());
            assertTrue(out.contains("Interrupt received: cancelling all builds and cleaning up"), out);
            assertTrue(out.contains("Cleaning up after the interruption"), out);

            List<String> journal = Files.readAllLines(dir.resolve("journal.txt"));
            assertEquals(List.of("run disk", "run domain", "run network", "cleaning network", "cleaned network (cancelled)",
                    "cleaning domain", "cleaned domain (cancelled)", "cleaning disk", "cleaned disk (cancelled)"), journal);
            try (Stream<Path> left = Files.walk(dir)) {
                List<String> names = left.map(x -> dir.relativize(x).toString()).toList();
                assertFalse(names.stream().anyMatch(n -> n.startsWith("marker-")), "resources left: " + names);
                assertFalse(names.stream().anyMatch(n -> n.contains("imgbuild-tmp")), "temporary files left: " + names);
                assertFalse(names.contains("out/f.txt") || names.contains("out/manifest.json")
                        || names.contains("out/vm.sha256"), "no output at final paths: " + names);
            }
            assertTrue(ProcessHandle.allProcesses().noneMatch(h -> h.info().commandLine().orElse("")
                    .contains("sleep 61." + tag)), "the provisioner's script was killed");
        }
    }

    private static void awaitLine(Path file, String line) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (Files.exists(file) && Files.readAllLines(file).contains(line)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no line \"" + line + "\" in " + file);
    }

    @Test
    void secondInterruptAbortsWithoutWaitingForCleanup(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("t.json"), """
                {"builders": [{"type": "test-journal", "name": "vm", "journal": "journal.txt", "steps": ["disk"],
                               "cleanup_delay_ms": 60000}],
                 "provisioners": [{"type": "shell-local", "inline": ["touch started", "sleep 62"]}]}
                """);
        try (CliProcess p = CliProcess.start(dir, Map.of(), "build", "t.json")) {
            CliProcess.awaitFile(dir.resolve("started"), Duration.ofSeconds(60));
            p.interrupt();
            awaitLine(dir.resolve("journal.txt"), "cleaning disk");
            p.interrupt();
            int code = p.waitFor(Duration.ofSeconds(30));
            assertEquals(ExitCodes.INTERRUPTED, code, p.out() + p.err());
            assertTrue(p.out().contains("Second interrupt: aborting now"), p.out());
            assertTrue(Files.exists(dir.resolve("marker-disk")), "the cleanup was really skipped, as the user asked");
        }
    }
}
