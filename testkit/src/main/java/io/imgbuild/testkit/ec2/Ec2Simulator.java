package io.imgbuild.testkit.ec2;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
  * A local EC2 that real clients (awscli, AWS SDKs, Packer) talk to through a custom endpoint:
  * the EC2 Query API on 127.0.0.1, answers shaped by EC2's own service model, state per region,
  * faults on request, and what is left over for leak checks.
  *
  * <pre>{@code
  * try (Ec2Simulator ec2 = Ec2Simulator.start(Ec2Config.defaults().withTimings(Timings.uniform(Duration.ofMillis(200))))) {
  *   URI endpoint = ec2.endpoint();      // give to the client with any fake credentials
  *   ...
  *   assertTrue(ec2.leftovers().isEmpty(), ec2.leftovers().toString());
  * }
  * }</pre>
  */
public final class Ec2Simulator implements AutoCloseable {

    private final Ec2Config config;
    private final World world;
    private final Faults faults = new Faults();
    private final HttpServer server;
    private final ExecutorService executor;
    private final Ec2Endpoint endpoint;

    private Ec2Simulator(Ec2Config config) throws IOException {
        this.config = config;
        this.world = new World(config, faults, Clock.systemUTC());
        Map<String, Action> actions = new HashMap<>();
        ImageActions.register(actions);
        ImageAttributeActions.register(actions);
        InstanceActions.register(actions);
        InstanceAttributeActions.register(actions);
        KeyPairActions.register(actions);
        SecurityGroupActions.register(actions);
        TagActions.register(actions);
        StorageActions.register(actions);
        NetworkActions.register(actions);
        this.endpoint = new Ec2Endpoint(world, ServiceModel.load(), Map.copyOf(actions));
        synchronized (world) {
            world.syncAuthorizedKeys();
        }
        // Without TCP_NODELAY, a keep-alive client that writes headers and body apart (the AWS SDK)
        // waits out the delayed ACK on every call: 50 ms a call instead of 6-10 ms. Read once, when
        // the JDK's server classes load, so it is set before the first server is made.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), 64);
        this.executor = Executors.newFixedThreadPool(8, r -> {
            Thread thread = new Thread(r, "imgbuild-sim-ec2");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", endpoint);
        server.createContext("/_sim/", new ControlEndpoint(this));
        server.start();
    }

    /** Starts a simulator; {@code config.port()} 0 picks a free port. */
    public static Ec2Simulator start(Ec2Config config) throws IOException {
        return new Ec2Simulator(config);
    }

    /** {@code http://127.0.0.1:<port>/}: the region comes from the client's signing region. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port() + "/");
    }

    /** {@code http://127.0.0.1:<port>/<region>/}: this region whatever the client signs for. */
    public URI endpoint(String region) {
        if (!config.regions().contains(region)) {
            throw new IllegalArgumentException("the simulator does not serve " + region + " (it serves " + config.regions() + ")");
        }
        return URI.create("http://127.0.0.1:" + port() + "/" + region + "/");
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public Ec2Config config() {
        return config;
    }

    /** The faults to inject; changes apply to the next request. */
    public Faults faults() {
        return faults;
    }

    /** What is left in the account now (timed transitions applied first). */
    public Leftovers leftovers() {
        synchronized (world) {
            world.advance();
            return Leftovers.of(world);
        }
    }

    /** Every request answered so far, in order. */
    public List<Ec2Call> calls() {
        return List.copyOf(endpoint.calls());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
