package io.imgbuild.core.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.imgbuild.core.secret.Secrets;
import io.imgbuild.core.util.Json;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** One valid JSON object per line, with the documented fields. */
class JsonlConsoleTest {

    private final Capture c = new Capture();
    private final Ui ui = new Ui(new Secrets(), List.of(new JsonlConsole(c.out)), Capture.CLOCK);

    private List<JsonNode> objects() {
        return c.lines().stream().map(l -> Json.MAPPER.readTree(l)).toList();
    }

    @Test
    void everyEventIsOneJsonLine() {
        ui.emit(new UiEvent.BuildStarted(Capture.T, "alpha", "qemu"));
        ui.forBuild("alpha").say("line one\nline \"two\", with a comma");
        ui.forBuild("alpha").forComponent("compress").message("m");
        ui.emit(new UiEvent.Progress(Capture.T, "alpha", "compress", "Compressing", 50, 100, 12.6, false));
        ui.emit(new UiEvent.ArtifactReady(Capture.T, "alpha", 0, "transcend.qemu", "i", "d", List.of("out/a")));
        ui.emit(new UiEvent.BuildFinished(Capture.T, "alpha", UiEvent.Status.FAILED, Duration.ofMillis(1500),
                List.of("e1"), true));
        ui.emit(new UiEvent.RunFinished(Capture.T, 4, Duration.ofSeconds(2)));
        List<JsonNode> o = objects();
        assertEquals(7, o.size());
        for (JsonNode n : o) {
            assertEquals("2026-01-02T03:04:05Z", n.get("time").asString());
        }
        assertEquals("{\"time\":\"2026-01-02T03:04:05Z\",\"type\":\"build-started\",\"build\":\"alpha\","
                + "\"builder_type\":\"qemu\"}", o.get(0).toString());
        assertEquals("say", o.get(1).get("type").asString());
        assertEquals("line one\nline \"two\", with a comma", o.get(1).get("text").asString());
        assertFalse(o.get(1).has("component"));
        assertEquals("compress", o.get(2).get("component").asString());
        assertEquals("message", o.get(2).get("type").asString());
        JsonNode p = o.get(3);
        assertEquals("progress", p.get("type").asString());
        assertEquals(50, p.get("done").asLong());
        assertEquals(100, p.get("total").asLong());
        assertEquals(13, p.get("bytes_per_second").asLong());
        assertFalse(p.get("finished").asBoolean());
        JsonNode a = o.get(4);
        assertEquals("artifact", a.get("type").asString());
        assertEquals("transcend.qemu", a.get("builder_id").asString());
        assertEquals("[\"out/a\"]", a.get("files").toString());
        JsonNode f = o.get(5);
        assertEquals("build-finished", f.get("type").asString());
        assertEquals("failed", f.get("status").asString());
        assertEquals(1500, f.get("elapsed_ms").asLong());
        assertEquals("[\"e1\"]", f.get("errors").toString());
        assertEquals(true, f.get("cleanup_incomplete").asBoolean());
        assertEquals("{\"time\":\"2026-01-02T03:04:05Z\",\"type\":\"run-finished\",\"exit_code\":4,\"elapsed_ms\":2000}",
                o.get(6).toString());
    }

    @Test
    void aRunLevelLineHasANullBuild() {
        ui.forBuild(null).say("x");
        assertEquals(true, objects().get(0).get("build").isNull());
    }
}
