package io.imgbuild.core.download;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proxies from {@code HTTP_PROXY}, {@code HTTPS_PROXY} and {@code NO_PROXY} (or their lower-case
 * forms), as Go programs such as Packer read them: upper case first; {@code https} URLs use only
 * {@code HTTPS_PROXY}; localhost and loopback addresses are never proxied; a {@code NO_PROXY} entry
 * {@code example.com} covers it and its subdomains, {@code .example.com} only the subdomains,
 * {@code *} everything. Simplified: ports in entries and CIDR ranges are ignored, and so are
 * credentials in the proxy URL (the JDK client cannot send them to a proxy for https).
 */
final class EnvProxySelector extends ProxySelector {

    private static final Logger LOG = LoggerFactory.getLogger(EnvProxySelector.class);
    private static final List<Proxy> DIRECT = List.of(Proxy.NO_PROXY);

    private final Proxy http;
    private final Proxy https;
    private final List<String> noProxy;

    private EnvProxySelector(Proxy http, Proxy https, List<String> noProxy) {
        this.http = http;
        this.https = https;
        this.noProxy = noProxy;
    }

    /** The selector for these environment variables; the JDK's default when none is set. */
    static ProxySelector fromEnvironment(Map<String, String> env) {
        Proxy http = proxy(first(env, "HTTP_PROXY", "http_proxy"));
        Proxy https = proxy(first(env, "HTTPS_PROXY", "https_proxy"));
        if (http == null && https == null) {
            return ProxySelector.getDefault();
        }
        String no = first(env, "NO_PROXY", "no_proxy");
        List<String> entries = no == null ? List.of() : Arrays.stream(no.split(","))
                .map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).toList();
        return new EnvProxySelector(http, https, entries);
    }

    @Override
    public List<Proxy> select(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        Proxy proxy = scheme.equals("https") ? https : scheme.equals("http") ? http : null;
        if (proxy == null || uri.getHost() == null || bypassed(uri.getHost().toLowerCase(Locale.ROOT))) {
            return DIRECT;
        }
        return List.of(proxy);
    }

    private boolean bypassed(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (h.equals("localhost") || h.endsWith(".localhost") || h.startsWith("127.") || h.equals("::1")) {
            return true;
        }
        for (String entry : noProxy) {
            if (entry.equals("*")) {
                return true;
            }
            String name = withoutPort(entry);
            if (name.startsWith(".") ? h.endsWith(name) : h.equals(name) || h.endsWith("." + name)) {
                return true;
            }
        }
        return false;
    }

    private static String withoutPort(String entry) {
        int colon = entry.lastIndexOf(':');
        boolean ipv6 = entry.indexOf(':') != colon;
        return colon > 0 && !ipv6 ? entry.substring(0, colon) : entry;
    }

    @Override
    public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        // nothing to fall back to: the error reaches the user with the URL
    }

    private static String first(Map<String, String> env, String... names) {
        for (String n : names) {
            String v = env.get(n);
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return null;
    }

    /** {@code http://[user@]host[:port]} or {@code host[:port]}; null if unusable. */
    private static Proxy proxy(String value) {
        if (value == null) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(value.contains("://") ? value : "http://" + value);
        } catch (IllegalArgumentException e) {
            LOG.warn("ignoring the proxy \"{}\": not a URL", value);
            return null;
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            LOG.warn("ignoring the proxy \"{}\": only http:// proxies are supported", value);
            return null;
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : 80;
        return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(uri.getHost(), port));
    }
}
