package io.imgbuild.core.download;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * The HTTP side of downloads: redirects followed, a connect timeout, proxies from the environment,
 * and every failure turned into a {@link SourceFailure} that says what happened.
 */
final class HttpFetcher {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    /** For answers that should come at once (headers, a checksum list); a big body may take longer. */
    private static final Duration ANSWER_TIMEOUT = Duration.ofMinutes(2);

    private final Supplier<HttpClient> factory;
    private HttpClient client;

    /** The client is made on first use: making one costs ~0.3 s, which a local disk image never needs. */
    private HttpFetcher(Supplier<HttpClient> factory) {
        this.factory = factory;
    }

    /** A client for these environment variables (see {@link EnvProxySelector}). */
    static HttpFetcher forEnvironment(Map<String, String> env) {
        return new HttpFetcher(() -> HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(CONNECT_TIMEOUT)
                .proxy(EnvProxySelector.fromEnvironment(env))
                // one long stream: HTTP/1.1 is what every mirror serves best, and no h2c upgrade surprises
                .version(HttpClient.Version.HTTP_1_1)
                .build());
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = factory.get();
        }
        return client;
    }

    /**
     * An open response: its body, its length (-1 when the server did not say), and what a resumed request
     * must send as {@code If-Range} (null when the server cannot resume: no byte ranges, or nothing that
     * identifies this version of the file).
     */
    record Body(InputStream stream, long length, String validator) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            stream.close();
        }
    }

    /** Starts a GET; the caller reads and closes the body. */
    Body get(URI uri) throws SourceFailure, InterruptedException {
        HttpResponse<InputStream> response = send(request(uri).GET());
        if (response.statusCode() != 200) {
            discard(response.body());
            throw new SourceFailure(NetworkErrors.status(response.statusCode()));
        }
        long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        boolean ranges = response.headers().firstValue("Accept-Ranges").orElse("").equalsIgnoreCase("bytes");
        return new Body(response.body(), length, ranges && length >= 0 ? validator(response) : null);
    }

    /** Asks for the rest of a file from {@code offset} on, if it is still the version {@code validator} names. */
    Body resume(URI uri, long offset, String validator) throws SourceFailure, InterruptedException {
        HttpResponse<InputStream> response = send(request(uri).header("Range", "bytes=" + offset + "-")
                .header("If-Range", validator).GET());
        String range = response.headers().firstValue("Content-Range").orElse("");
        if (response.statusCode() == 206 && range.startsWith("bytes " + offset + "-")) {
            long rest = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            return new Body(response.body(), rest, validator);
        }
        discard(response.body());
        if (response.statusCode() == 200 || response.statusCode() == 206) {
            throw new SourceFailure("the file changed on the server during the download; try again");
        }
        throw new SourceFailure(NetworkErrors.status(response.statusCode()));
    }

    /** A strong ETag, else Last-Modified (If-Range accepts no weak ETag); null if neither. */
    private static String validator(HttpResponse<?> response) {
        String etag = response.headers().firstValue("ETag").orElse("");
        if (!etag.isEmpty() && !etag.startsWith("W/")) {
            return etag;
        }
        return response.headers().firstValue("Last-Modified").orElse(null);
    }

    /** The length a HEAD request reports, if the server answers 200 with one. */
    OptionalLong headLength(URI uri) throws SourceFailure, InterruptedException {
        HttpRequest head = request(uri).timeout(ANSWER_TIMEOUT).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<Void> response = send(head, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 200) {
            return OptionalLong.empty();
        }
        OptionalLong length = response.headers().firstValueAsLong("Content-Length");
        return length.isPresent() && length.getAsLong() >= 0 ? length : OptionalLong.empty();
    }

    /** A small text (a checksum list), refused beyond {@code maxBytes}. */
    String text(URI uri, int maxBytes) throws SourceFailure, InterruptedException {
        try (Body body = get(uri)) {
            if (body.length() > maxBytes) {
                throw tooBig(maxBytes);
            }
            byte[] bytes = body.stream().readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw tooBig(maxBytes);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SourceFailure(NetworkErrors.describe(uri, e));
        }
    }

    private static void discard(InputStream body) {
        try {
            body.close();
        } catch (IOException e) {
            // the answer was an error page: nothing in it matters
        }
    }

    private static SourceFailure tooBig(int maxBytes) {
        return new SourceFailure("it is larger than " + (maxBytes >> 20) + " MiB, too big for a checksum list");
    }

    private static HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).header("User-Agent", "imgbuild");
    }

    /** A GET whose body is read as it comes; the timeout covers the wait for the headers only. */
    private HttpResponse<InputStream> send(HttpRequest.Builder get) throws SourceFailure, InterruptedException {
        return send(get.timeout(ANSWER_TIMEOUT).build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws SourceFailure, InterruptedException {
        try {
            return client().send(request, handler);
        } catch (IOException e) {
            throw new SourceFailure(NetworkErrors.describe(request.uri(), e));
        }
    }
}
