package io.imgbuild.core.http;

import io.imgbuild.core.step.Key;

/** State keys for the build's HTTP server; absent when the build serves nothing. */
public final class HttpServerKeys {

    /** The running server: ask it which files were never requested when waiting for SSH fails. */
    public static final Key<HttpFileServer> SERVER = new Key<>("http-server");

    /** The port it listens on here; the guest may reach it on another (PackerHTTPPort), e.g. through a tunnel. */
    public static final Key<Integer> PORT = new Key<>("http-port");

    private HttpServerKeys() {
    }
}
