package io.imgbuild.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.core.step.RecordingStepContext;
import io.imgbuild.core.step.StepFailure;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The server on 127.0.0.1, asked by the JDK's HTTP client, as a guest would ask it. */
@Timeout(30)
class HttpFileServerTest {

    private static final String PRESEED = "d-i debian-installer/locale string en_US\n";

    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private RecordingStepContext fixture;
    private Path served;
    private HttpFileServer server;

    @BeforeEach
    void files() throws IOException {
        fixture = new RecordingStepContext(dir);
        served = Files.createDirectory(dir.resolve("http"));
        Files.writeString(served.resolve("preseed.cfg"), PRESEED);
        Files.writeString(served.resolve("user-data"), "#cloud-config\n");
        Files.write(served.resolve("blob"), new byte[] {0, 1, 2, (byte) 0xff});
        Files.writeString(served.resolve("empty.txt"), "");
        Files.createDirectory(served.resolve("sub"));
        Files.writeString(served.resolve("sub/ks.cfg"), "text\n");
        Files.writeString(dir.resolve("secret.txt"), "not for the guest");
        Files.createSymbolicLink(served.resolve("out.txt"), dir.resolve("secret.txt"));
        Files.createSymbolicLink(served.resolve("in.cfg"), served.resolve("preseed.cfg"));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private HttpFileServer start(HttpServerSettings settings) throws Exception {
        server = HttpFileServer.start(settings, dir, fixture.ctx.ui());
        return server;
    }

    private HttpFileServer startDirectory() throws Exception {
        return start(new HttpServerSettings("http", null, 0, 0, "127.0.0.1"));
    }

    private HttpResponse<String> send(String method, String rawPath) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + rawPath))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String rawPath) throws Exception {
        return send("GET", rawPath);
    }

    @Test
    void servesTheDirectorysFilesWithLengthAndType() throws Exception {
        startDirectory();
        HttpResponse<String> r = get("/preseed.cfg");
        assertEquals(200, r.statusCode());
        assertEquals(PRESEED, r.body());
        assertEquals(Optional.of(String.valueOf(PRESEED.length())), r.headers().firstValue("Content-Length"));
        assertEquals(Optional.of("text/plain; charset=utf-8"), r.headers().firstValue("Content-Type"));
        assertEquals("text\n", get("/sub/ks.cfg").body());
        assertEquals(Optional.of("text/plain; charset=utf-8"), get("/user-data").headers().firstValue("Content-Type"),
                "text without an extension is sniffed as text");
        assertEquals(Optional.of("application/octet-stream"), get("/blob").headers().firstValue("Content-Type"));
        HttpResponse<String> empty = get("/empty.txt");
        assertEquals(200, empty.statusCode());
        assertEquals(Optional.of("0"), empty.headers().firstValue("Content-Length"));
        assertEquals(PRESEED, get("/in.cfg").body(), "a link that stays inside is followed");
    }

    @Test
    void headSaysTheLengthWithoutTheBody() throws Exception {
        startDirectory();
        HttpResponse<String> r = send("HEAD", "/preseed.cfg");
        assertEquals(200, r.statusCode());
        assertEquals(Optional.of(String.valueOf(PRESEED.length())), r.headers().firstValue("Content-Length"));
        assertEquals("", r.body());
    }

    @Test
    void pathsThatLeaveTheDirectoryAreRefused() throws Exception {
        startDirectory();
        for (String path : List.of("/../secret.txt", "/%2e%2e/secret.txt", "/sub/../../secret.txt",
                "/sub/%2E%2E/%2e%2e/secret.txt", "/..%2fsecret.txt", "/out.txt")) {
            HttpResponse<String> r = get(path);
            assertEquals(403, r.statusCode(), path);
            assertFalse(r.body().contains("not for the guest"), path);
        }
        assertEquals(404, get("/nope.cfg").statusCode());
        assertEquals(404, get("/a%00b").statusCode());
    }

    @Test
    void aDirectoryIsRedirectedToItsSlashThenListed() throws Exception {
        startDirectory();
        HttpResponse<String> redirect = get("/sub");
        assertEquals(301, redirect.statusCode());
        assertEquals(Optional.of("sub/"), redirect.headers().firstValue("Location"));
        HttpResponse<String> listing = get("/sub/");
        assertEquals(Optional.of("text/html; charset=utf-8"), listing.headers().firstValue("Content-Type"));
        assertTrue(listing.body().contains("<a href=\"./ks.cfg\">ks.cfg</a>"), listing.body());
        assertTrue(get("/").body().contains("<a href=\"./sub/\">sub/</a>"));
        Files.writeString(served.resolve("sub/odd & <name>?.txt"), "odd");
        assertTrue(get("/sub/").body().contains(
                "<a href=\"./odd%20&amp;%20%3Cname%3E%3F.txt\">odd &amp; &lt;name&gt;?.txt</a>"), "escaped");
        assertEquals("odd", get("/sub/odd%20&%20%3Cname%3E%3F.txt").body());
        Files.writeString(served.resolve("sub/index.html"), "<p>index</p>");
        assertEquals("<p>index</p>", get("/sub/").body());
    }

    @Test
    void onlyGetAndHeadAreAnswered() throws Exception {
        startDirectory();
        HttpResponse<String> r = send("POST", "/preseed.cfg");
        assertEquals(405, r.statusCode());
        assertEquals(Optional.of("GET, HEAD"), r.headers().firstValue("Allow"));
    }

    @Test
    void servesHttpContent() throws Exception {
        start(new HttpServerSettings(null, Map.of("/preseed.cfg", PRESEED, "/meta-data", "instance-id: x\n"), 0, 0,
                "127.0.0.1"));
        assertEquals(PRESEED, get("/preseed.cfg").body());
        assertEquals("instance-id: x\n", get("/./meta-data/").body(), "the path is cleaned as in Packer");
        assertEquals(Optional.of("text/plain; charset=utf-8"), get("/meta-data").headers().firstValue("Content-Type"));
        assertEquals(404, get("/other").statusCode());
        assertEquals(403, get("/../preseed.cfg").statusCode());
        assertEquals("http_content (2 files)", server.describe());
    }

    @Test
    void everyRequestIsSaidInTheBuildOutput() throws Exception {
        startDirectory();
        get("/preseed.cfg");
        send("HEAD", "/preseed.cfg");
        get("/nope?x=1");
        get("/../secret.txt");
        Files.write(served.resolve("big.iso"), new byte[3 * 1024 * 1024]);
        get("/big.iso");
        // the line is said after the response is sent: give the server's thread a moment
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (fixture.lines("MESSAGE").size() < 5 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(List.of("HTTP server: GET /preseed.cfg from 127.0.0.1 -> 200 (41 B)",
                "HTTP server: HEAD /preseed.cfg from 127.0.0.1 -> 200 (0 B)",
                "HTTP server: GET /nope?x=1 from 127.0.0.1 -> 404 (19 B)",
                "HTTP server: GET /../secret.txt from 127.0.0.1 -> 403 (14 B)",
                "HTTP server: GET /big.iso from 127.0.0.1 -> 200 (3.0 MiB)"), fixture.lines("MESSAGE"));
    }

    @Test
    void listensOnAPortOfTheRange() throws Exception {
        int min = 20000 + (int) (Math.random() * 40000);
        start(new HttpServerSettings("http", null, min, min + 9, "127.0.0.1"));
        assertTrue(server.port() >= min && server.port() <= min + 9, "port " + server.port());
        assertEquals(InetAddress.getByName("127.0.0.1"), server.address().getAddress());
        assertEquals(200, get("/preseed.cfg").statusCode());
    }

    @Test
    void aBusyRangeIsAClearError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            StepFailure e = assertThrows(StepFailure.class,
                    () -> start(new HttpServerSettings("http", null, port, port, "127.0.0.1")));
            assertEquals("the HTTP server found no free port on 127.0.0.1 in " + port
                    + " (http_port_min to http_port_max; the last port said: Address already in use): widen the range, or stop what listens on those"
                    + " ports", e.getMessage());
        }
    }

    @Test
    void anAddressOfAnotherHostIsAClearError() {
        StepFailure e = assertThrows(StepFailure.class,
                () -> start(new HttpServerSettings("http", null, 0, 0, "192.0.2.1")));
        assertEquals("http_bind_address 192.0.2.1 is not an address of this host: write one of its addresses, or"
                + " 0.0.0.0 for all of them", e.getMessage());
    }

    @Test
    void aMissingDirectoryIsAClearError() {
        StepFailure e = assertThrows(StepFailure.class,
                () -> start(new HttpServerSettings("gone", null, 0, 0, "127.0.0.1")));
        assertEquals("http_directory " + dir.resolve("gone") + " does not exist: point http_directory at the directory"
                + " that holds the files the guest fetches", e.getMessage());
    }

    @Test
    void remembersWhichTopLevelFilesWereNeverRequested() throws Exception {
        startDirectory();
        assertEquals(List.of("blob", "empty.txt", "in.cfg", "out.txt", "preseed.cfg", "user-data"),
                server.neverRequested().paths());
        get("/preseed.cfg");
        send("HEAD", "/user-data");
        get("/blob");
        get("/empty.txt");
        get("/in.cfg");
        get("/sub/ks.cfg");
        assertEquals(List.of("out.txt"), server.neverRequested().paths(), "a refused request does not count");
        get("/out.txt");
        assertEquals(List.of("out.txt"), server.neverRequested().paths());
    }

    @Test
    void saysWhichHttpContentFilesWereNeverRequested() throws Exception {
        start(new HttpServerSettings(null, Map.of("/preseed.cfg", PRESEED, "/late.sh", "exit 0\n"), 0, 0, "127.0.0.1"));
        get("/late.sh");
        UnrequestedFiles left = server.neverRequested();
        assertEquals(List.of("/preseed.cfg"), left.paths());
        assertEquals("http_content file /preseed.cfg was never requested 312 s after boot: the installer did not fetch"
                + " it. Check that the boot command reached the installer (watch the console), that its URL names the"
                + " file (http://{{ .HTTPIP }}:{{ .HTTPPort }}/...), and that the guest can reach the host",
                left.describe(Duration.ofSeconds(312)));
        get("/preseed.cfg");
        assertTrue(server.neverRequested().isEmpty());
        assertEquals(null, server.neverRequested().describe(Duration.ofSeconds(1)));
    }

    @Test
    void smallFilesDoNotWaitForDelayedAcks() throws Exception {
        startDirectory();
        get("/preseed.cfg"); // warm up and open the kept-alive connection
        long start = System.nanoTime();
        for (int i = 0; i < 30; i++) {
            get("/preseed.cfg");
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        // With Nagle's algorithm each response waits ~40 ms for the client's delayed ACK: 1.2 s or more.
        assertTrue(millis < 1000, "30 requests took " + millis + " ms");
    }

    @Test
    void stopClosesOpenConnectionsAtOnceAndTwiceIsHarmless() throws Exception {
        startDirectory();
        get("/preseed.cfg"); // leaves a kept-alive connection in the client's pool
        long start = System.nanoTime();
        server.stop();
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "stop took too long");
        server.stop();
        assertThrows(IOException.class, () -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/preseed.cfg")).build(),
                HttpResponse.BodyHandlers.ofString()));
    }
}
