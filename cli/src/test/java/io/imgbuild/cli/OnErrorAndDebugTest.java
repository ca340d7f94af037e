package io.imgbuild.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.cli.testing.CliRun;
import io.imgbuild.core.run.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** -on-error policies and -debug pauses, observed through the test-only journal builder. */
class OnErrorAndDebugTest {

    private static final String FAILING = """
            {"builders": [{"type": "test-journal", "name": "vm", "journal": "journal.txt", "steps": ["disk", "domain"]}],
             "provisioners": [{"type": "shell-local", "inline": ["exit 7"]}],
             "error-cleanup-provisioner": {"type": "shell-local", "inline": ["echo cleanup-provisioner ran > ecp.txt"]}}
            """;

    @Test
    void cleanupIsTheDefault(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("t.json"), FAILING);
        CliRun.Result r = CliRun.in(dir, "build", "t.json");
        assertEquals(ExitCodes.BUILD_FAILED, r.exitCode(), r.all());
        assertEquals(List.of("run disk", "run domain", "cleaning domain", "cleaned domain (halted)", "cleaning disk",
                "cleaned disk (halted)"), Files.readAllLines(dir.resolve("journal.txt")));
        assertTrue(Files.exists(dir.resolve("ecp.txt")), "the error-cleanup-provisioner ran");
    }

    @Test
    void abortLeavesEverythingAndNamesEachSkippedCleanup(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("t.json"), FAILING);
        CliRun.Result r = CliRun.in(dir, "build", "-on-error=abort", "t.json");
        assertEquals(ExitCodes.BUILD_FAILED, r.exitCode(), r.all());
        assertEquals(List.of("run disk", "run domain"), Files.readAllLines(dir.resolve("journal.txt")));
        assertTrue(Files.exists(dir.resolve("marker-disk")) && Files.exists(dir.resolve("marker-domain")));
        assertTrue(r.out().contains("aborted: skipping cleanup of step \"Provision\""), r.out());
        assertTrue(r.out().contains("aborted: skipping cleanup of step \"disk\""), r.out());
    }

    @Test
    void askWithoutATerminalCleansUp(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("t.json"), FAILING);
        CliRun.Result r = CliRun.withInput(dir, Map.of(), "a\n", "build", "-on-error=ask", "t.json");
        assertEquals(ExitCodes.BUILD_FAILED, r.exitCode(), r.all());
        assertTrue(Files.readAllLines(dir.resolve("journal.txt")).contains("cleaned disk (halted)"));
    }

    @Test
    void debugPausesBeforeEachStep(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("t.json"), """
                {"builders": [{"type": "test-journal", "name": "vm", "journal": "journal.txt", "steps": ["disk"]}]}
                """);
        CliRun.Result r = CliRun.withInput(dir, Map.of(), "\n\n\n\n", "build", "-debug", "t.json");
        assertEquals(0, r.exitCode(), r.all());
        long pauses = r.out().lines().filter(l -> l.contains("Pausing before step")).count();
        assertEquals(3, pauses, "disk, Provision and the artifact step:\n" + r.out());
    }
}
