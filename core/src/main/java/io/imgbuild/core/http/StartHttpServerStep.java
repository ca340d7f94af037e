package io.imgbuild.core.http;

import io.imgbuild.core.run.BuildData;
import io.imgbuild.core.step.Step;
import io.imgbuild.core.step.StepContext;
import java.util.Map;

/**
 * Starts the build's HTTP server when the template has http_directory or http_content, and stops it
 * in cleanup. Puts the server and its port in the state ({@link HttpServerKeys}), and the address the
 * guest uses in the build data: PackerHTTPIP, PackerHTTPPort, PackerHTTPAddr. The guest's port is the
 * server's unless a {@link GuestHttpPort} maps it (a tunnel from a remote host).
 */
public final class StartHttpServerStep implements Step {

    private final HttpServerSettings settings;
    private final GuestHttpIp guestIp;
    private final GuestHttpPort guestPort;

    /** @param guestIp the host address as the guest sees it: the builder knows its network */
    public StartHttpServerStep(HttpServerSettings settings, GuestHttpIp guestIp) {
        this(settings, guestIp, GuestHttpPort.same());
    }

    /**
     * @param guestIp   the host address as the guest sees it
     * @param guestPort the port the guest uses for the server's port, asked once the server listens
     */
    public StartHttpServerStep(HttpServerSettings settings, GuestHttpIp guestIp, GuestHttpPort guestPort) {
        this.settings = settings;
        this.guestIp = guestIp;
        this.guestPort = guestPort;
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
        // the server is in the state already, so cleanup stops it when the mapping fails
        int guest = guestPort.guestPort(ctx, port);
        String address = (ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip) + ":" + guest; // an IPv6 address in brackets
        BuildData.add(ctx.state(), Map.of("PackerHTTPIP", ip, "PackerHTTPPort", String.valueOf(guest),
                "PackerHTTPAddr", address));
        String via = guest == port ? "" : " (port " + guest + " there leads to " + port + " here)";
        ctx.ui().say("Starting HTTP server on port " + port + " (" + server.describe() + "); the guest fetches from"
                + " http://" + address + "/" + via);
    }

    @Override
    public void cleanup(StepContext ctx) {
        ctx.state().remove(HttpServerKeys.PORT);
        ctx.state().remove(HttpServerKeys.SERVER).ifPresent(HttpFileServer::stop);
    }
}
