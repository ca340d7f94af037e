package io.imgbuild.core.http;

import io.imgbuild.core.run.BuildData;
import io.imgbuild.core.step.Step;
import io.imgbuild.core.step.StepContext;
import java.util.Map;

/**
 * Starts the build's HTTP server when the template has http_directory or http_content, and stops it
 * in cleanup. Puts the server and its port in the state ({@link HttpServerKeys}), and the address the
 * guest uses in the build data: PackerHTTPIP, PackerHTTPPort, PackerHTTPAddr.
 */
public final class StartHttpServerStep implements Step {

    private final HttpServerSettings settings;
    private final GuestHttpIp guestIp;

    /** @param guestIp the host address as the guest sees it: the builder knows its network */
    public StartHttpServerStep(HttpServerSettings settings, GuestHttpIp guestIp) {
        this.settings = settings;
        this.guestIp = guestIp;
    }

    @Override
    public String name() {
        return "StartHttpServer";
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        if (!settings.serves()) {
            return;
        }
        String ip = guestIp.resolve(ctx);
        HttpFileServer server = HttpFileServer.start(settings, ctx.build().workingDir(), ctx.ui());
        ctx.state().put(HttpServerKeys.SERVER, server);
        int port = server.port();
        ctx.state().put(HttpServerKeys.PORT, port);
        String address = (ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip) + ":" + port; // an IPv6 address in brackets
        BuildData.add(ctx.state(), Map.of("PackerHTTPIP", ip, "PackerHTTPPort", String.valueOf(port),
                "PackerHTTPAddr", address));
        ctx.ui().say("Starting HTTP server on port " + port + " (" + server.describe() + "); the guest fetches from"
                + " http://" + address + "/");
    }

    @Override
    public void cleanup(StepContext ctx) {
        ctx.state().remove(HttpServerKeys.PORT);
        ctx.state().remove(HttpServerKeys.SERVER).ifPresent(HttpFileServer::stop);
    }
}
