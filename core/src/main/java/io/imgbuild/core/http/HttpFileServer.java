package io.imgbuild.core.http;

import com.sun.net.httpserver.HttpServer;
import io.imgbuild.core.step.StepFailure;
import io.imgbuild.core.ui.BuildUi;
import io.imgbuild.core.util.PortRange;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The build's HTTP server (Packer's http_directory / http_content): serves files to the guest on a
 * free port of the configured range, says each request in the build's output, and remembers which
 * files were fetched. Built on the JDK's own HTTP server, so it needs no dependency.
 */
public final class HttpFileServer implements AutoCloseable {

    static {
        // The JDK's server sends headers and body in separate packets, so with Nagle's algorithm the body
        // waits for the client's delayed ACK: 40 ms a request, minutes for an installer fetching many
        // small files. The server reads this property once, when the JVM makes its first server.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService workers;
    private final ServedFiles files;
    private final Set<String> fetched = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean stopped = new AtomicBoolean();

    private HttpFileServer(HttpServer server, ExecutorService workers, ServedFiles files) {
        this.server = server;
        this.workers = workers;
        this.files = files;
    }

    /**
     * Starts serving what {@code settings} names ({@code http_directory} relative to {@code workingDir}).
     *
     * @throws StepFailure when the directory is missing, the bind address is not this host's, or no
     *                     port in the range is free
     */
    public static HttpFileServer start(HttpServerSettings settings, Path workingDir, BuildUi ui)
            throws StepFailure, IOException {
        ServedFiles files = ServedFiles.of(settings, workingDir);
        InetAddress address = bindAddress(settings.httpBindAddress());
        PortRange ports = portRange(settings);
        HttpServer server = HttpServer.create();
        try {
            ports.bind(port -> server.bind(new InetSocketAddress(address, port), 0));
        } catch (BindException e) {
            server.stop(0);
            throw new StepFailure("the HTTP server found no free port on " + settings.httpBindAddress() + " in "
                    + ports + " (http_port_min to http_port_max; the last port said: " + e.getMessage()
                    + "): widen the range, or stop what listens on those ports");
        } catch (IOException | RuntimeException e) {
            server.stop(0);
            throw e;
        }
        // A thread per request: a guest downloading a large file must not hold up its next small one.
        ExecutorService workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "http-server");
            t.setDaemon(true);
            return t;
        });
        HttpFileServer fileServer = new HttpFileServer(server, workers, files);
        server.createContext("/", new FileRequestHandler(files, ui, fileServer.fetched::add));
        server.setExecutor(workers);
        server.start();
        return fileServer;
    }

    private static PortRange portRange(HttpServerSettings settings) throws StepFailure {
        try {
            return new PortRange(settings.httpPortMin(), settings.httpPortMax());
        } catch (IllegalArgumentException e) {
            throw new StepFailure("http_port_min " + settings.httpPortMin() + " and http_port_max "
                    + settings.httpPortMax() + " are not a port range: give two ports from 0 to 65535, the lower"
                    + " first");
        }
    }

    private static InetAddress bindAddress(String text) throws StepFailure {
        InetAddress address;
        try {
            address = InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new StepFailure("http_bind_address \"" + text + "\" is not an address: write an IP address of this"
                    + " host, or 0.0.0.0 for all of them");
        }
        try {
            if (address.isAnyLocalAddress() || address.isLoopbackAddress()
                    || NetworkInterface.getByInetAddress(address) != null) {
                return address;
            }
        } catch (SocketException e) {
            // cannot list the interfaces: let the bind decide
            return address;
        }
        throw new StepFailure("http_bind_address " + text + " is not an address of this host: write one of its"
                + " addresses, or 0.0.0.0 for all of them");
    }

    /** The port the server listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The address and port the server listens on. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** The files no request has fetched so far (for directories: the top-level files). */
    public UnrequestedFiles neverRequested() throws IOException {
        List<String> left = new ArrayList<>(files.topLevel());
        left.removeAll(fetched);
        return new UnrequestedFiles(files.kind(), left);
    }

    /** What is served, for messages: {@code http_directory /path} or {@code http_content (2 files)}. */
    public String describe() {
        return files.describe();
    }

    /** Stops at once, closing open connections (a download in progress ends); later calls do nothing. */
    public void stop() {
        if (stopped.compareAndSet(false, true)) {
            server.stop(0);
            workers.shutdownNow();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
