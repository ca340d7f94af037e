package io.imgbuild.core.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.core.secret.Secrets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Packer's human output: prefixes, colours, timestamps, the summary, and progress with its rate and ETA. */
class HumanConsoleTest {

    private final Capture c = new Capture();

    private static final long MIB = 1L << 20;
    private static final long GIB = 1L << 30;

    private Ui ui(boolean color, boolean timestamps) {
        return new Ui(new Secrets(), List.of(new HumanConsole(c.out, color, timestamps, false)), Capture.CLOCK);
    }

    private Ui terminalUi() {
        return new Ui(new Secrets(), List.of(new HumanConsole(c.out, false, false, true)), Capture.CLOCK);
    }

    private static UiEvent.Progress progress(long done, long total, double bytesPerSecond, boolean finished) {
        return new UiEvent.Progress(Capture.T, "a", null, "Downloading", done, total, bytesPerSecond, finished);
    }

    @Test
    void sayAndMessagePrefixes() {
        BuildUi b = ui(false, false).forBuild("alpha");
        b.say("Creating disk...");
        b.message("wrote 12 MiB");
        b.error("disk full");
        b.forComponent("compress").message("done");
        assertEquals(List.of("==> alpha: Creating disk...", "    alpha: wrote 12 MiB", "==> alpha: disk full",
                "    alpha (compress): done"), c.lines());
    }

    @Test
    void everyLineOfAMultiLineTextIsPrefixed() {
        ui(false, false).forBuild("a").message("one\ntwo\r\nthree");
        assertEquals(List.of("    a: one", "    a: two", "    a: three"), c.lines());
    }

    @Test
    void noEscapeCodesWithoutColor() {
        Ui ui = ui(false, false);
        ui.emit(new UiEvent.BuildStarted(Capture.T, "alpha", "qemu"));
        ui.forBuild("alpha").say("x");
        ui.forBuild("alpha").error("y");
        ui.emit(new UiEvent.BuildFinished(Capture.T, "alpha", UiEvent.Status.FAILED, Duration.ofSeconds(1), List.of("y"),
                true));
        ui.emit(new UiEvent.RunFinished(Capture.T, 4, Duration.ofSeconds(2)));
        assertFalse(c.text().contains("\u001b"), c.text());
        assertTrue(c.lines().contains("alpha: output will be in this color."), c.lines()::toString);
    }

    @Test
    void eachBuildGetsItsOwnColour() {
        Ui ui = ui(true, false);
        ui.emit(new UiEvent.BuildStarted(Capture.T, "a", "qemu"));
        ui.emit(new UiEvent.BuildStarted(Capture.T, "b", "qemu"));
        ui.forBuild("a").say("x");
        ui.forBuild("b").say("x");
        ui.forBuild("a").error("bad");
        List<String> lines = c.lines();
        String colourA = lines.get(2).substring(0, lines.get(2).indexOf("==>"));
        String colourB = lines.get(3).substring(0, lines.get(3).indexOf("==>"));
        assertTrue(colourA.startsWith("\u001b["), lines::toString);
        assertFalse(colourA.equals(colourB));
        assertTrue(lines.get(2).endsWith("\u001b[0m"));
        assertTrue(lines.get(4).startsWith("\u001b[1;31m==> a: bad"), lines.get(4));
    }

    @Test
    void timestampsPrefixEveryLine() {
        ui(false, true).forBuild("a").say("x");
        assertEquals(List.of("2026-01-02T03:04:05Z: ==> a: x"), c.lines());
    }

    @Test
    void theSummaryListsErrorsAndArtifacts() {
        Ui ui = ui(false, false);
        ui.emit(new UiEvent.ArtifactReady(Capture.T, "good", 0, "id", "i", "a disk image in out/", List.of()));
        ui.emit(new UiEvent.BuildFinished(Capture.T, "good", UiEvent.Status.SUCCEEDED, Duration.ofMillis(2500), List.of(),
                false));
        ui.emit(new UiEvent.BuildFinished(Capture.T, "bad", UiEvent.Status.FAILED, Duration.ofSeconds(61),
                List.of("no space"), false));
        ui.emit(new UiEvent.RunFinished(Capture.T, 1, Duration.ofSeconds(62)));
        assertEquals(List.of(
                "Build 'good' finished after 2 seconds 500 milliseconds.",
                "Build 'bad' errored after 1 minute 1 seconds: no space",
                "==> Wait completed after 1 minute 2 seconds",
                "==> Some builds didn't complete successfully and had errors:",
                "--> bad: no space",
                "==> Builds finished. The artifacts of successful builds are:",
                "--> good: a disk image in out/"), c.lines());
    }

    @Test
    void noArtifacts() {
        ui(false, false).emit(new UiEvent.RunFinished(Capture.T, 0, Duration.ZERO));
        assertEquals("==> Builds finished but no artifacts were created.", c.lines().get(1));
    }

    @Test
    void progressOffATerminalPrintsQuarters() {
        Ui ui = ui(false, false);
        for (long done : new long[]{0, 10, 30, 60, 70, 100}) {
            ui.emit(new UiEvent.Progress(Capture.T, "a", null, "Downloading", done, 100, 50, false));
        }
        ui.emit(new UiEvent.Progress(Capture.T, "a", null, "Downloading", 100, 100, 50, true));
        List<String> lines = c.lines();
        assertEquals(4, lines.size(), lines::toString);
        assertTrue(lines.get(0).startsWith("    a: Downloading: 30% (30 B of 100 B)"), lines.get(0));
        assertTrue(lines.get(3).startsWith("    a: Downloading: 100 B done"), lines.get(3));
        assertFalse(c.text().contains("\u001b"));
    }

    @Test
    void aQuarterLineShowsTheRateAndTheTimeLeftAtThatRate() {
        Ui ui = ui(false, false);
        ui.emit(progress(0, GIB, 8 * MIB, false));
        ui.emit(progress(256 * MIB, GIB, 8 * MIB, false));
        // 768 MiB left at 8 MiB/s: 96 s.
        assertEquals(List.of("    a: Downloading: 25% (256 MiB of 1.0 GiB) 8.0 MiB/s ETA 1:36"), c.lines());
    }

    @Test
    void theTerminalBarShowsTheRateAndTheTimeLeft() {
        terminalUi().emit(progress(256 * MIB, GIB, 8 * MIB, false));
        assertEquals("\r\u001b[K    a: Downloading [======>                 ] 25% 8.0 MiB/s ETA 1:36", c.text());
    }

    @Test
    void anEtaOverAnHourStaysInMinutesAndSeconds() {
        terminalUi().emit(progress(0, 3725 * MIB, MIB, false));
        assertTrue(c.text().endsWith("] 0% 1.0 MiB/s ETA 62:05"), c.text());
    }

    @Test
    void noEtaWhenStalledUnknownInSizeOrFinished() {
        Ui ui = terminalUi();
        ui.emit(progress(10 * MIB, GIB, 0, false));
        assertTrue(c.text().endsWith("] 0% 0 B/s"), c.text());
        ui.emit(progress(5 * MIB, -1, 1.5 * MIB, false));
        assertTrue(c.text().endsWith("\r\u001b[K    a: Downloading: 5.0 MiB 1.5 MiB/s"), c.text());
        ui.emit(progress(GIB, GIB, 8 * MIB, true));
        assertTrue(c.text().endsWith("] 100% 8.0 MiB/s\n"), c.text());
        assertFalse(c.text().contains("ETA"), c.text());
    }
}
