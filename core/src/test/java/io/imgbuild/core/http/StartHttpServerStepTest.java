package io.imgbuild.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.core.run.BuildData;
import io.imgbuild.core.step.RecordingStepContext;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The step starts the server, tells later steps where it is, and stops it in cleanup. */
@Timeout(30)
class StartHttpServerStepTest {

    @TempDir
    Path dir;

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void startsTellsWhereAndStopsInCleanup() throws Exception {
        RecordingStepContext fixture = new RecordingStepContext(dir);
        fixture.state().put(BuildData.KEY, Map.of("Host", "kept"));
        StartHttpServerStep step = new StartHttpServerStep(new HttpServerSettings(null,
                Map.of("/ks.cfg", "text\n"), 0, 0, "127.0.0.1"), GuestHttpIp.fixed("10.0.2.2"));
        step.run(fixture.ctx);
        int port = fixture.state().get(HttpServerKeys.PORT);
        assertEquals(port, fixture.state().get(HttpServerKeys.SERVER).port());
        assertEquals(Map.of("Host", "kept", "PackerHTTPIP", "10.0.2.2", "PackerHTTPPort", String.valueOf(port),
                "PackerHTTPAddr", "10.0.2.2:" + port), fixture.state().get(BuildData.KEY));
        assertEquals(List.of("Starting HTTP server on port " + port + " (http_content (1 file)); the guest fetches from"
                + " http://10.0.2.2:" + port + "/"), fixture.lines("SAY"));
        assertEquals("text\n", get(port, "/ks.cfg").body());

        step.cleanup(fixture.ctx);
        assertFalse(fixture.state().has(HttpServerKeys.SERVER));
        assertFalse(fixture.state().has(HttpServerKeys.PORT));
        assertThrows(ConnectException.class, () -> get(port, "/ks.cfg"));
        step.cleanup(fixture.ctx); // a second cleanup finds nothing to stop
    }

    @Test
    void theGuestAddressIsAskedWhenTheStepRuns() throws Exception {
        RecordingStepContext fixture = new RecordingStepContext(dir);
        StartHttpServerStep step = new StartHttpServerStep(new HttpServerSettings(null, Map.of("/a", "a"), 0, 0,
                "127.0.0.1"), ctx -> ctx.build().name() + ".example");
        try {
            step.run(fixture.ctx);
            assertTrue(fixture.state().get(BuildData.KEY).get("PackerHTTPAddr").startsWith("b.example:"));
        } finally {
            step.cleanup(fixture.ctx);
        }
    }

    @Test
    void aMappedGuestPortGoesInTheBuildDataAndTheLocalPortInTheState() throws Exception {
        RecordingStepContext fixture = new RecordingStepContext(dir);
        int[] asked = new int[1];
        StartHttpServerStep step = new StartHttpServerStep(new HttpServerSettings(null, Map.of("/ks.cfg", "text\n"), 0, 0,
                "127.0.0.1"), GuestHttpIp.fixed("10.0.2.2"), (ctx, localPort) -> {
                    asked[0] = localPort;
                    return 40001;
                });
        try {
            step.run(fixture.ctx);
            int port = fixture.state().get(HttpServerKeys.PORT);
            assertEquals(fixture.state().get(HttpServerKeys.SERVER).port(), port);
            assertEquals(port, asked[0], "the mapper is asked for the port the server listens on");
            assertEquals(Map.of("PackerHTTPIP", "10.0.2.2", "PackerHTTPPort", "40001", "PackerHTTPAddr", "10.0.2.2:40001"),
                    fixture.state().get(BuildData.KEY));
            assertEquals(List.of("Starting HTTP server on port " + port + " (http_content (1 file)); the guest fetches"
                    + " from http://10.0.2.2:40001/ (port 40001 there leads to " + port + " here)"), fixture.lines("SAY"));
            assertEquals("text\n", get(port, "/ks.cfg").body());
        } finally {
            step.cleanup(fixture.ctx);
        }
    }

    @Test
    void aFailingMapperLeavesTheServerForCleanupToStop() throws Exception {
        RecordingStepContext fixture = new RecordingStepContext(dir);
        StartHttpServerStep step = new StartHttpServerStep(new HttpServerSettings(null, Map.of("/a", "a"), 0, 0,
                "127.0.0.1"), GuestHttpIp.fixed("10.0.2.2"), (ctx, localPort) -> {
                    throw new IOException("no tunnel");
                });
        assertThrows(IOException.class, () -> step.run(fixture.ctx));
        int port = fixture.state().get(HttpServerKeys.PORT);
        assertFalse(fixture.state().has(BuildData.KEY));
        step.cleanup(fixture.ctx);
        assertFalse(fixture.state().has(HttpServerKeys.SERVER));
        assertThrows(ConnectException.class, () -> get(port, "/a"));
    }

    @Test
    void nothingToServeStartsNothing() throws Exception {
        RecordingStepContext fixture = new RecordingStepContext(dir);
        StartHttpServerStep step = new StartHttpServerStep(new HttpServerSettings("", null, 8000, 9000, null),
                ctx -> {
                    throw new AssertionError("no address is needed");
                });
        step.run(fixture.ctx);
        assertFalse(fixture.state().has(HttpServerKeys.SERVER));
        assertFalse(fixture.state().has(BuildData.KEY));
        assertEquals(List.of(), fixture.lines);
        step.cleanup(fixture.ctx);
    }
}
