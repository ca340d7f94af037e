package io.imgbuild.builder.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.core.build.BuildInfo;
import io.imgbuild.core.build.OnError;
import io.imgbuild.core.secret.Secrets;
import io.imgbuild.core.step.CancelledException;
import io.imgbuild.core.step.Cancellation;
import io.imgbuild.core.step.State;
import io.imgbuild.core.step.StepContext;
import io.imgbuild.core.ui.Ui;
import io.imgbuild.testkit.Commands;
import io.imgbuild.testkit.PluginConfigs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CreateMediaStepTest {

    @TempDir
    Path dir;

    private StepContext context(Cancellation cancellation) throws Exception {
        StepContext ctx = new StepContext(new BuildInfo("qemu", "qemu", "run-1", Instant.now(), dir, dir, false, false,
                OnError.CLEANUP), new State(), new Ui(Secrets.global(), List.of(), Clock.systemUTC()).forBuild("qemu"),
                cancellation);
        ctx.state().put(QemuKeys.WORK_DIR, Files.createDirectories(dir.resolve("scratch")));
        return ctx;
    }

    private QemuConfig config() throws Exception {
        Files.writeString(dir.resolve("ks.cfg"), "install\n");
        return ((QemuBuilder) PluginConfigs.prepare(new QemuBuilderPlugin(), """
                {"iso_url": "file:///x.iso", "iso_checksum": "none", "ssh_username": "u", "ssh_password": "p",
                 "cd_content": {"meta-data": "instance-id: x"}, "cd_label": "cidata", "floppy_files": ["ks.cfg"]}
                """, dir).requireNoErrors().prepared()).config();
    }

    @Test
    void bothImagesAreMadeInTheScratchDirectoryAndCleanupDeletesThem() throws Exception {
        CreateMediaStep step = new CreateMediaStep(config(), dir);
        StepContext ctx = context(Cancellation.root());
        step.run(ctx);
        Path iso = ctx.state().get(QemuKeys.CD_IMAGE);
        Path floppy = ctx.state().get(QemuKeys.FLOPPY_IMAGE);
        assertEquals(dir.resolve("scratch/cd.iso"), iso);
        assertEquals("install\n", Commands.check(List.of("mtype", "-i", floppy.toString(), "::/ks.cfg")));
        assertEquals(List.of("/meta-data"), CdImageTest.paths(iso));

        step.cleanup(ctx);
        assertFalse(Files.exists(iso));
        assertFalse(Files.exists(floppy));
        try (var left = Files.list(dir.resolve("scratch"))) {
            assertEquals(List.of(), left.toList(), "nothing else is left in the scratch directory");
        }
    }

    @Test
    void aCancelledBuildMakesNoImageAndCleanupStillWorks() throws Exception {
        Cancellation cancelled = Cancellation.root();
        cancelled.cancel("Ctrl-C");
        CreateMediaStep step = new CreateMediaStep(config(), dir);
        StepContext ctx = context(cancelled);
        assertThrows(CancelledException.class, () -> step.run(ctx));
        step.cleanup(ctx);
        try (var left = Files.list(dir.resolve("scratch"))) {
            assertEquals(List.of(), left.toList());
        }
        assertTrue(ctx.state().find(QemuKeys.FLOPPY_IMAGE).isEmpty());
    }
}
