package io.imgbuild.builder.qemu;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CreateWorkDirStepTest {

    @Test
    void theScratchOfAKilledBuildIsRemovedAndALiveOnesIsKept(@TempDir Path tmp) throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        long deadPid = finished.pid();
        Path dead = Files.createDirectories(tmp.resolve(CreateWorkDirStep.PREFIX + deadPid + "-123"));
        Files.writeString(dead.resolve("serial.log"), "boot");
        Path live = Files.createDirectories(tmp.resolve(CreateWorkDirStep.PREFIX + ProcessHandle.current().pid() + "-456"));
        Path old = Files.createDirectories(tmp.resolve(CreateWorkDirStep.PREFIX + "12502891026827476281"));
        Path other = Files.createDirectories(tmp.resolve("something-else-" + deadPid + "-1"));

        CreateWorkDirStep.removeLeftoversOfDeadBuilds(tmp);

        assertFalse(Files.exists(dead), "the dead build's scratch is gone");
        assertTrue(Files.exists(live), "a running build's scratch stays");
        assertTrue(Files.exists(old), "a name without a PID is not ours to judge");
        assertTrue(Files.exists(other));
    }
}
