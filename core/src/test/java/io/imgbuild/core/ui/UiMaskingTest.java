package io.imgbuild.core.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.imgbuild.core.secret.Secrets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Ui masks secrets before any sink sees an event. */
class UiMaskingTest {

    private final Secrets secrets = new Secrets();
    private final List<UiEvent> seen = new ArrayList<>();
    private final Ui ui = new Ui(secrets, List.of(seen::add), Capture.CLOCK);

    @Test
    void linesAreMaskedBeforeTheSink() {
        secrets.add("s3cr3t-token");
        ui.forBuild("a").say("token=s3cr3t-token, again s3cr3t-token");
        assertEquals("token=<sensitive>, again <sensitive>", ((UiEvent.Line) seen.get(0)).text());
    }

    @Test
    void aSecretRegisteredLaterIsMaskedFromThenOn() {
        ui.forBuild("a").say("pw");
        secrets.add("pw-value");
        ui.forBuild("a").say("pw-value");
        assertEquals("<sensitive>", ((UiEvent.Line) seen.get(1)).text());
    }

    @Test
    void errorsArtifactsAndProgressAreMaskedToo() {
        secrets.add("hunter22");
        ui.emit(new UiEvent.BuildFinished(Capture.T, "a", UiEvent.Status.FAILED, Duration.ZERO,
                List.of("login hunter22 failed"), false));
        ui.emit(new UiEvent.ArtifactReady(Capture.T, "a", 0, "b", "ami hunter22", "desc hunter22",
                List.of("/tmp/hunter22.img")));
        ui.emit(new UiEvent.Progress(Capture.T, "a", null, "upload hunter22", 1, 2, 0, false));
        assertEquals(List.of("login <sensitive> failed"), ((UiEvent.BuildFinished) seen.get(0)).errors());
        UiEvent.ArtifactReady a = (UiEvent.ArtifactReady) seen.get(1);
        assertEquals("ami <sensitive>", a.id());
        assertEquals("desc <sensitive>", a.description());
        assertEquals(List.of("/tmp/<sensitive>.img"), a.files());
        assertEquals("upload <sensitive>", ((UiEvent.Progress) seen.get(2)).label());
    }

    @Test
    void everyFormatGetsTheMaskedText() {
        Capture human = new Capture();
        Capture machine = new Capture();
        Capture jsonl = new Capture();
        Ui all = new Ui(secrets, List.of(new HumanConsole(human.out, true, true, false),
                new MachineReadableConsole(machine.out), new JsonlConsole(jsonl.out)), Capture.CLOCK);
        secrets.add("p@ss,word");
        all.forBuild("a").error("bad p@ss,word");
        for (Capture c : List.of(human, machine, jsonl)) {
            assertFalse(c.text().contains("p@ss"), c.text());
            assertFalse(c.text().contains("word"), c.text());
        }
    }
}
