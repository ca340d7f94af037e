package io.imgbuild.core.download;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Map;
import javax.net.ssl.SSLException;

/** Says in one line what went wrong talking to a server: Java's network exceptions rarely do. */
final class NetworkErrors {

    private static final Map<Integer, String> REASONS = Map.of(400, "Bad Request", 401, "Unauthorized", 403,
            "Forbidden", 404, "Not Found", 410, "Gone", 429, "Too Many Requests", 500, "Internal Server Error", 502,
            "Bad Gateway", 503, "Service Unavailable", 504, "Gateway Timeout");

    private NetworkErrors() {
    }

    /** A response other than 200 OK. */
    static String status(int code) {
        String reason = REASONS.getOrDefault(code, "");
        String text = "HTTP " + code + (reason.isEmpty() ? "" : " " + reason);
        if (code == 404 || code == 410) {
            return text + ": the file is not at this URL (old releases often move to an archive)";
        }
        if (code == 401 || code == 403) {
            return text + ": the server refuses to give the file (imgbuild sends no credentials)";
        }
        return code >= 500 ? text + ": the server failed; try again later or use another mirror" : text;
    }

    /** A request that got no answer. */
    static String describe(URI uri, IOException e) {
        String host = host(uri);
        if (e instanceof HttpConnectTimeoutException) {
            return "timed out connecting to " + host + " after " + HttpFetcher.CONNECT_TIMEOUT.toSeconds()
                    + " seconds: check the network, or set HTTPS_PROXY / HTTP_PROXY if you need a proxy";
        }
        if (e instanceof HttpTimeoutException) {
            return host + " did not answer in time: try again later or use another mirror";
        }
        if (caused(e, UnknownHostException.class) || caused(e, UnresolvedAddressException.class)) {
            return "unknown host \"" + uri.getHost() + "\": check the URL and the DNS settings";
        }
        if (e instanceof ConnectException) {
            // JDK 17 gives no message at all for a refused connection
            String why = lower(firstMessage(e, "refused or unreachable"));
            return "cannot connect to " + host + " (" + why + "): check the URL and the network";
        }
        if (e instanceof SSLException) {
            return "the TLS connection to " + host + " failed: " + message(e);
        }
        return "error talking to " + host + ": " + message(e);
    }

    /** A transfer that broke after the server had answered. */
    static String broken(URI uri, IOException e) {
        return "the connection to " + host(uri) + " broke during the download (" + message(e) + ")";
    }

    private static boolean caused(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String host(URI uri) {
        return uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
    }

    private static String message(Throwable e) {
        return firstMessage(e, e.getClass().getSimpleName());
    }

    /** The JDK's client often wraps the exception that says what happened in one that says nothing. */
    private static String firstMessage(Throwable e, String otherwise) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return otherwise;
    }

    private static String lower(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
