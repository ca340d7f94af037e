package io.imgbuild.core.download;

import static io.imgbuild.core.download.DownloadFixture.bytes;
import static io.imgbuild.core.download.DownloadFixture.iso;
import static io.imgbuild.core.download.DownloadFixture.sha256;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** HTTP_PROXY, HTTPS_PROXY and NO_PROXY, read as Go programs read them. */
@Timeout(30)
class EnvProxySelectorTest {

    @RegisterExtension
    final DownloadFixture f = new DownloadFixture();

    private static String proxyFor(Map<String, String> env, String url) {
        Proxy p = EnvProxySelector.fromEnvironment(env).select(URI.create(url)).get(0);
        if (p.type() == Proxy.Type.DIRECT) {
            return "direct";
        }
        InetSocketAddress a = (InetSocketAddress) p.address();
        return a.getHostString() + ":" + a.getPort();
    }

    @Test
    void eachSchemeHasItsOwnVariableUpperCaseFirst() {
        Map<String, String> env = Map.of("HTTP_PROXY", "http://web:3128", "http_proxy", "http://lower:1",
                "https_proxy", "secure:8443");
        assertEquals("web:3128", proxyFor(env, "http://releases.example.org/x.iso"));
        assertEquals("secure:8443", proxyFor(env, "https://releases.example.org/x.iso"));
        assertEquals("direct", proxyFor(Map.of("HTTP_PROXY", "http://web:3128"), "https://releases.example.org/x.iso"),
                "https does not fall back to HTTP_PROXY");
        assertEquals("web:80", proxyFor(Map.of("HTTP_PROXY", "http://user:secret@web"), "http://a.example/x"));
    }

    @Test
    void noProxyAndLoopbackGoDirect() {
        Map<String, String> env = Map.of("HTTPS_PROXY", "http://proxy:3128",
                "NO_PROXY", "internal.example, .corp.example:443 ,10.1.2.3");
        assertEquals("direct", proxyFor(env, "https://internal.example/x.iso"));
        assertEquals("direct", proxyFor(env, "https://mirror.internal.example/x.iso"));
        assertEquals("proxy:3128", proxyFor(env, "https://corp.example/x.iso"), ".corp.example is only subdomains");
        assertEquals("direct", proxyFor(env, "https://a.corp.example/x.iso"));
        assertEquals("direct", proxyFor(env, "https://10.1.2.3/x.iso"));
        assertEquals("proxy:3128", proxyFor(env, "https://notinternal.example/x.iso"));
        assertEquals("direct", proxyFor(env, "https://localhost:8443/x.iso"));
        assertEquals("direct", proxyFor(env, "https://127.0.0.1:8443/x.iso"));
        assertEquals("direct", proxyFor(env, "https://[::1]:8443/x.iso"));
        assertEquals("direct", proxyFor(Map.of("HTTPS_PROXY", "proxy:1", "no_proxy", "*"), "https://a.example/"));
    }

    @Test
    void withoutVariablesTheJdkDefaultIsUsedAndUnusableProxiesAreIgnored() {
        assertSame(ProxySelector.getDefault(), EnvProxySelector.fromEnvironment(Map.of()));
        assertSame(ProxySelector.getDefault(), EnvProxySelector.fromEnvironment(Map.of("HTTPS_PROXY",
                "socks5://proxy:1080")));
    }

    @Test
    void aDownloadGoesThroughTheProxy() throws Exception {
        byte[] iso = bytes(100_000, 17);
        f.serve("/ubuntu.iso", iso); // the fixture's server is the proxy: it answers for any host
        Downloader downloader = new Downloader(f.workingDir, Map.of("HTTP_PROXY", f.url("")));

        Path got = downloader.fetch(iso("sha256:" + sha256(iso), "http://mirror.example.test/ubuntu.iso"), f.ui,
                f.cancellation);

        assertArrayEquals(iso, Files.readAllBytes(got));
        assertEquals(List.of("GET http://mirror.example.test/ubuntu.iso"), f.requests);
    }
}
