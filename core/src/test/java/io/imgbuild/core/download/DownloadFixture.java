package io.imgbuild.core.download;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.imgbuild.core.build.BuildInfo;
import io.imgbuild.core.build.OnError;
import io.imgbuild.core.secret.Secrets;
import io.imgbuild.core.step.Cancellation;
import io.imgbuild.core.step.State;
import io.imgbuild.core.step.StepContext;
import io.imgbuild.core.ui.BuildUi;
import io.imgbuild.core.ui.Ui;
import io.imgbuild.core.ui.UiEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real HTTP server on loopback that logs every request it gets, a temporary working directory,
 * and a build UI that records what it is told; fresh for each test
 * ({@code @RegisterExtension final DownloadFixture f = new DownloadFixture();}).
 */
final class DownloadFixture implements BeforeEachCallback, AfterEachCallback {

    /** Answers one request. */
    interface Handler {
        void handle(HttpExchange exchange) throws Exception;
    }

    final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    final List<UiEvent.Progress> progress = Collections.synchronizedList(new ArrayList<>());
    final Cancellation cancellation = Cancellation.root();
    final BuildUi ui = new Ui(new Secrets(), List.of(this::record), Clock.systemUTC()).forBuild("b");
    Path workingDir;
    Path cacheDir;
    private HttpServer server;
    private ExecutorService executor;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        workingDir = Files.createTempDirectory("imgbuild-download").toRealPath();
        cacheDir = workingDir.resolve("packer_cache");
        executor = Executors.newCachedThreadPool();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.start();
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        server.stop(0);
        executor.shutdownNow();
        try (Stream<Path> all = Files.walk(workingDir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private void record(UiEvent e) {
        if (e instanceof UiEvent.Line l) {
            lines.add(l.level() + " " + l.text());
        } else if (e instanceof UiEvent.Progress p) {
            progress.add(p);
        }
    }

    /** Serves {@code handler} at {@code path}, logging "METHOD path" for each request. */
    void route(String path, Handler handler) {
        server.createContext(path, exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            try {
                handler.handle(exchange);
            } catch (Exception e) {
                // the client went away (a cancelled download): nothing to answer
            } finally {
                exchange.close();
            }
        });
    }

    /** Serves a file's bytes at {@code path} (HEAD gets the headers only). */
    void serve(String path, byte[] body) {
        route(path, ex -> {
            boolean head = ex.getRequestMethod().equals("HEAD");
            ex.getResponseHeaders().add("Accept-Ranges", "bytes");
            if (head) {
                ex.getResponseHeaders().add("Content-Length", String.valueOf(body.length));
                ex.sendResponseHeaders(200, -1);
                return;
            }
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
    }

    void status(String path, int status) {
        route(path, ex -> ex.sendResponseHeaders(status, -1));
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    long count(String request) {
        return requests.stream().filter(request::equals).count();
    }

    Downloader downloader() {
        return new Downloader(workingDir, Map.of());
    }

    StepContext context() {
        BuildInfo info = new BuildInfo("b", "qemu", "uuid", Instant.EPOCH, workingDir, workingDir, false, false,
                OnError.CLEANUP);
        return new StepContext(info, new State(), ui, cancellation);
    }

    static DownloadRequest iso(String checksum, String... urls) {
        return new DownloadRequest("ISO", List.of(urls), checksum, null, "iso", urls.length == 1 ? "iso_url" : "iso_urls",
                "iso_checksum");
    }

    static byte[] bytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every file under the working directory, relative, sorted ("packer_cache/x.iso.lock"). */
    List<String> files() throws IOException {
        try (Stream<Path> s = Files.walk(workingDir)) {
            return s.filter(Files::isRegularFile).map(p -> workingDir.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }
}
