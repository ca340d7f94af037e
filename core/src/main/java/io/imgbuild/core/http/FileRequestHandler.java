package io.imgbuild.core.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.imgbuild.core.ui.BuildUi;
import io.imgbuild.core.util.Sizes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers GET and HEAD from the served files and says each request in the build's output: when an
 * install hangs, the first question is whether the guest fetched its preseed file at all.
 */
final class FileRequestHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(FileRequestHandler.class);

    private final ServedFiles files;
    private final BuildUi ui;
    private final Consumer<String> fetched;

    /** @param fetched told the name of each file found for a request, for the never-requested report */
    FileRequestHandler(ServedFiles files, BuildUi ui, Consumer<String> fetched) {
        this.files = files;
        this.ui = ui;
        this.fetched = fetched;
    }

    /** What was sent, for the log line. */
    private static final class Reply {
        int status;
        long sent;
        long length = -1;
        String failure;
    }

    @Override
    public void handle(HttpExchange exchange) {
        Reply reply = new Reply();
        try {
            respond(exchange, reply);
        } catch (IOException | RuntimeException e) {
            LOG.debug("HTTP request {} failed", exchange.getRequestURI(), e);
            reply.failure = e.getMessage() == null ? e.toString() : e.getMessage();
            if (reply.status == 0) {
                reply.status = 500;
                sendQuietly(exchange, reply);
            }
        } finally {
            exchange.close();
            say(exchange, reply);
        }
    }

    private void respond(HttpExchange exchange, Reply reply) throws IOException {
        String method = exchange.getRequestMethod();
        boolean head = method.equals("HEAD");
        if (!head && !method.equals("GET")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            sendText(exchange, reply, 405, "405 method not allowed\n", head);
            return;
        }
        RequestPath path = RequestPath.of(exchange.getRequestURI());
        if (path == null) {
            sendText(exchange, reply, 400, "400 bad request\n", head);
            return;
        }
        Lookup lookup = path.climbs() ? new Lookup.Forbidden() : files.find(path);
        if (lookup instanceof Lookup.Found found) {
            sendFound(exchange, reply, found, head);
        } else if (lookup instanceof Lookup.Redirect redirect) {
            exchange.getResponseHeaders().set("Location", redirect.location());
            sendText(exchange, reply, 301, "", head);
        } else if (lookup instanceof Lookup.Forbidden) {
            sendText(exchange, reply, 403, "403 forbidden\n", head);
        } else {
            sendText(exchange, reply, 404, "404 page not found\n", head);
        }
    }

    private void sendFound(HttpExchange exchange, Reply reply, Lookup.Found found, boolean head) throws IOException {
        String type = ContentTypes.byName(found.name());
        if (type == null) {
            type = sniff(found);
        }
        exchange.getResponseHeaders().set("Content-Type", type);
        if (found.requested() != null) {
            fetched.accept(found.requested());
        }
        reply.length = found.length();
        if (head) {
            exchange.getResponseHeaders().set("Content-Length", String.valueOf(found.length()));
            reply.status = 200;
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        try (InputStream in = found.body().open()) {
            reply.status = 200;
            // The server reads 0 as "length unknown" (chunked) and -1 as "no body".
            exchange.sendResponseHeaders(200, found.length() == 0 ? -1 : found.length());
            OutputStream out = exchange.getResponseBody();
            byte[] buffer = new byte[64 * 1024];
            int n;
            while (reply.sent < found.length() && (n = in.read(buffer, 0, (int) Math.min(buffer.length,
                    found.length() - reply.sent))) > 0) {
                out.write(buffer, 0, n);
                reply.sent += n;
            }
        }
    }

    private static String sniff(Lookup.Found found) throws IOException {
        try (InputStream in = found.body().open()) {
            byte[] head = in.readNBytes(ContentTypes.SNIFF_LENGTH);
            return ContentTypes.sniff(head, head.length);
        }
    }

    private static void sendText(HttpExchange exchange, Reply reply, int status, String text, boolean head)
            throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        reply.status = status;
        reply.length = body.length;
        if (body.length > 0) {
            exchange.getResponseHeaders().set("Content-Type", ContentTypes.TEXT);
        }
        if (head || body.length == 0) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        reply.sent = body.length;
    }

    private static void sendQuietly(HttpExchange exchange, Reply reply) {
        try {
            exchange.sendResponseHeaders(reply.status, -1);
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot send the error status", e);
        }
    }

    private void say(HttpExchange exchange, Reply reply) {
        String target = exchange.getRequestURI().getRawPath();
        if (exchange.getRequestURI().getRawQuery() != null) {
            target += "?" + exchange.getRequestURI().getRawQuery();
        }
        String size = Sizes.bytes(reply.sent);
        if (reply.failure != null && reply.length >= 0 && reply.sent < reply.length) {
            size += " of " + Sizes.bytes(reply.length) + ": " + reply.failure;
        } else if (reply.failure != null) {
            size += ": " + reply.failure;
        }
        String client = exchange.getRemoteAddress().getAddress().getHostAddress();
        ui.message("HTTP server: " + exchange.getRequestMethod() + " " + target + " from " + client + " -> "
                + reply.status + " (" + size + ")");
    }
}
