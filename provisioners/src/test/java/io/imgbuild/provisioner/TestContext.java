package io.imgbuild.provisioner;

import io.imgbuild.core.build.BuildInfo;
import io.imgbuild.core.build.OnError;
import io.imgbuild.core.build.ProvisionerContext;
import io.imgbuild.core.communicator.Communicator;
import io.imgbuild.core.secret.Secrets;
import io.imgbuild.core.step.Cancellation;
import io.imgbuild.core.ui.BuildUi;
import io.imgbuild.core.ui.Ui;
import io.imgbuild.core.ui.UiEvent;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A {@link ProvisionerContext} for tests: a real {@link Ui} whose sink records every event, a real
 * communicator (or none), and a cancellation the test controls. Lines are recorded as
 * {@code "SAY text"}, {@code "MESSAGE text"} or {@code "ERROR text"}.
 */
public final class TestContext implements ProvisionerContext, AutoCloseable {

    public static final String BUILD = "test-build";
    public static final String BUILDER_TYPE = "null";

    private final List<UiEvent> events = new ArrayList<>();
    private final Ui ui;
    private final BuildUi buildUi;
    private volatile Communicator communicator;
    private final Cancellation cancellation = Cancellation.root();
    private final BuildInfo build;

    /** A context without a connection (communicator none) until {@link #use} gives it one. */
    public TestContext(Path workingDir) {
        this.ui = new Ui(new Secrets(), List.of(this::record), Clock.systemUTC());
        this.buildUi = ui.forBuild(BUILD).forComponent("provisioner");
        this.build = new BuildInfo(BUILD, BUILDER_TYPE, "run-uuid-1", Instant.EPOCH, workingDir, workingDir, false, false,
                OnError.CLEANUP);
    }

    /** Gives the context its connection. */
    public TestContext use(Communicator c) {
        this.communicator = c;
        return this;
    }

    public Communicator comm() {
        return communicator;
    }

    @Override
    public void close() {
        if (communicator != null) {
            communicator.close();
        }
    }

    /** A voice on this context's UI, e.g. for connecting a communicator whose messages are recorded too. */
    public BuildUi buildUi() {
        return buildUi;
    }

    private synchronized void record(UiEvent e) {
        events.add(e);
        notifyAll();
    }

    @Override
    public BuildInfo build() {
        return build;
    }

    @Override
    public BuildUi ui() {
        return buildUi;
    }

    @Override
    public Cancellation cancellation() {
        return cancellation;
    }

    @Override
    public Map<String, String> buildData() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("BuildName", BUILD);
        data.put("BuilderType", BUILDER_TYPE);
        data.put("PackerRunUUID", "run-uuid-1");
        data.put("PackerHTTPAddr", "10.0.2.2:8123");
        data.put("Host", "guest.example");
        return data;
    }

    @Override
    public Map<String, String> scriptEnvironment() {
        return Map.of("PACKER_BUILD_NAME", BUILD, "PACKER_BUILDER_TYPE", BUILDER_TYPE,
                "PACKER_HTTP_ADDR", "10.0.2.2:8123", "PACKER_RUN_UUID", "run-uuid-1");
    }

    @Override
    public Optional<Communicator> communicator() {
        return Optional.ofNullable(communicator);
    }

    /** Forgets what was recorded so far (the connection's own messages, say). */
    public synchronized void forget() {
        events.clear();
    }

    /** Every line so far, as "LEVEL text". */
    public synchronized List<String> lines() {
        List<String> out = new ArrayList<>();
        for (UiEvent e : events) {
            if (e instanceof UiEvent.Line l) {
                out.add(l.level() + " " + l.text());
            }
        }
        return out;
    }

    /** The text of the lines at one level. */
    public List<String> lines(UiEvent.Level level) {
        String prefix = level + " ";
        return lines().stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).toList();
    }

    public synchronized List<UiEvent.Progress> progress() {
        return events.stream().filter(e -> e instanceof UiEvent.Progress).map(e -> (UiEvent.Progress) e).toList();
    }

    /** Waits until some line matches, failing the test after {@code timeout}. */
    public synchronized void awaitLine(Predicate<String> match, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (lines().stream().noneMatch(match)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no matching line within " + timeout + "; lines:\n" + String.join("\n", lines()));
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** All lines, for assertion messages. */
    public String dump() {
        return String.join("\n", lines());
    }
}
