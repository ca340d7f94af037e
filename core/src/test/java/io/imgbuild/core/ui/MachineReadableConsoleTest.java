package io.imgbuild.core.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.imgbuild.core.secret.Secrets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Packer's -machine-readable lines. */
class MachineReadableConsoleTest {

    private final Capture c = new Capture();
    private final Ui ui = new Ui(new Secrets(), List.of(new MachineReadableConsole(c.out)), Capture.CLOCK);
    private final long ts = Capture.T.getEpochSecond();

    @Test
    void uiLinesHaveAnEmptyTargetAndTheBuildInTheText() {
        BuildUi b = ui.forBuild("alpha");
        b.say("Creating disk...");
        b.message("wrote 12 MiB");
        b.error("failed");
        assertEquals(List.of(ts + ",,ui,say,==> alpha: Creating disk...", ts + ",,ui,message,    alpha: wrote 12 MiB",
                ts + ",,ui,error,==> alpha: failed"), c.lines());
    }

    @Test
    void aComponentIsNamedAfterTheBuild() {
        ui.forBuild("alpha").forComponent("compress").message("done");
        assertEquals(List.of(ts + ",,ui,message,    alpha (compress): done"), c.lines());
    }

    @Test
    void runLevelLinesHaveNoBuildPrefix() {
        ui.forBuild(null).say("Wait completed");
        assertEquals(List.of(ts + ",,ui,say,==> Wait completed"), c.lines());
    }

    @Test
    void commasAndNewlinesAreEscaped() {
        ui.forBuild("a").say("one, two\nthree\r");
        assertEquals(List.of(ts + ",,ui,say,==> a: one%!(PACKER_COMMA) two\\nthree\\r"), c.lines());
        assertEquals("", MachineReadableConsole.escape(null));
    }

    @Test
    void artifactsAreListedPerBuildAtTheEnd() {
        ui.emit(new UiEvent.ArtifactReady(Capture.T, "alpha", 0, "transcend.qemu", "disk,1", "a disk", List.of(
                "out/disk.qcow2", "out/x")));
        assertEquals(List.of(), c.lines(), "nothing before the run ends");
        ui.emit(new UiEvent.BuildFinished(Capture.T, "alpha", UiEvent.Status.SUCCEEDED, Duration.ofSeconds(3), List.of(),
                false));
        ui.emit(new UiEvent.RunFinished(Capture.T, 0, Duration.ofSeconds(4)));
        assertEquals(List.of(
                ts + ",alpha,artifact-count,1",
                ts + ",alpha,artifact,0,builder-id,transcend.qemu",
                ts + ",alpha,artifact,0,id,disk%!(PACKER_COMMA)1",
                ts + ",alpha,artifact,0,string,a disk",
                ts + ",alpha,artifact,0,files-count,2",
                ts + ",alpha,artifact,0,file,0,out/disk.qcow2",
                ts + ",alpha,artifact,0,file,1,out/x",
                ts + ",alpha,artifact,0,end"), c.lines());
    }

    @Test
    void errorsAreCountedAtTheEnd() {
        ui.emit(new UiEvent.BuildFinished(Capture.T, "a", UiEvent.Status.FAILED, Duration.ZERO, List.of("x, y", "z"),
                false));
        ui.emit(new UiEvent.BuildFinished(Capture.T, "b", UiEvent.Status.CANCELLED, Duration.ZERO, List.of(), false));
        ui.emit(new UiEvent.RunFinished(Capture.T, 1, Duration.ZERO));
        assertEquals(List.of(ts + ",,error-count,2", ts + ",a,error,x%!(PACKER_COMMA) y; z", ts + ",b,error,cancelled"),
                c.lines());
    }

    @Test
    void aSensitiveValueIsMaskedInMachineReadableOutput() {
        Secrets s = new Secrets();
        s.add("hunter2,x");
        Ui masked = new Ui(s, List.of(new MachineReadableConsole(c.out)), Capture.CLOCK);
        masked.forBuild("a").say("password is hunter2,x");
        assertEquals(List.of(ts + ",,ui,say,==> a: password is <sensitive>"), c.lines());
    }
}
