package io.imgbuild.builder.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.imgbuild.core.artifact.Artifact;
import io.imgbuild.core.artifact.ArtifactKeys;
import io.imgbuild.core.build.BuildInfo;
import io.imgbuild.core.build.OnError;
import io.imgbuild.core.secret.Secrets;
import io.imgbuild.core.step.Cancellation;
import io.imgbuild.core.step.State;
import io.imgbuild.core.step.StepContext;
import io.imgbuild.core.ui.Ui;
import io.imgbuild.testkit.PluginConfigs;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The qemu artifact as Packer 1.6.6 gives it: id "VM" whatever vm_name is, the disks as its files. */
class ArtifactStepTest {

    @TempDir
    Path dir;

    @Test
    void theIdIsVmNotTheVmNameSoArtifactIdInOutputPathsIsWhatPackerWrites() throws Exception {
        QemuConfig config = ((QemuBuilder) PluginConfigs.prepare(new QemuBuilderPlugin(), """
                {"iso_url": "file:///x.iso", "iso_checksum": "none", "ssh_username": "u", "ssh_password": "p",
                 "vm_name": "deb-12.qcow2", "format": "qcow2", "disk_additional_size": ["1G"]}
                """, dir).requireNoErrors().prepared()).config();
        Path out = dir.resolve("output-qemu");
        DiskPlan plan = DiskPlan.of(config, out);
        StepContext ctx = new StepContext(new BuildInfo("qemu", "qemu", "run-1", Instant.now(), dir, dir, false, false,
                OnError.CLEANUP), new State(), new Ui(Secrets.global(), List.of(), Clock.systemUTC()).forBuild("qemu"),
                Cancellation.root());
        ctx.state().put(QemuKeys.OUTPUT_DISK, plan.finalDisk());
        ctx.state().put(QemuKeys.DOMAIN_TYPE, "qemu");

        new ArtifactStep(config, plan, out).run(ctx);

        Artifact a = ctx.state().get(ArtifactKeys.ARTIFACT);
        assertEquals("VM", a.id());
        assertEquals("transcend.qemu", a.builderId());
        assertEquals(List.of(out.resolve("deb-12.qcow2"), out.resolve("deb-12.qcow2-1")), a.files());
        assertEquals("deb-12.qcow2", a.data().get("diskName"), "the vm_name still reaches the box as the disk name");
        assertEquals("VM files in directory: " + out, a.description());
    }
}
