package io.imgbuild.testkit.vagrant;

import io.imgbuild.testkit.Commands;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's real {@code vagrant} with a VAGRANT_HOME of its own (a temporary directory, deleted by
 * {@link #close()}), so tests add boxes without touching the user's ~/.vagrant.d. scripts/setup
 * installs vagrant and vagrant-libvirt.
 *
 * <pre>{@code
 * try (VagrantHome vagrant = VagrantHome.create()) {
 *     vagrant.run(dir, "box", "add", "--name", "t", "x.box").orThrow();
 *     assertTrue(vagrant.boxList().contains("t (libvirt, 0)"));
 * }
 * }</pre>
 */
public final class VagrantHome implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final Path home;

    private VagrantHome(Path home) {
        this.home = home;
    }

    public static VagrantHome create() throws IOException {
        return new VagrantHome(Files.createTempDirectory("imgbuild-vagrant-home"));
    }

    public Path home() {
        return home;
    }

    /** Runs {@code vagrant ARGS} in {@code dir} (output and errors together, colour off). */
    public Commands.Result run(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("vagrant"));
        command.addAll(List.of(args));
        command.add("--no-color");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("VAGRANT_HOME", home.toString());
        pb.environment().put("VAGRANT_CHECKPOINT_DISABLE", "1"); // no phone-home for version news
        pb.redirectOutput(home.resolve("last-command.log").toFile());
        Process p = pb.start();
        if (!p.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            throw new IOException(String.join(" ", command) + " did not finish within " + TIMEOUT.toSeconds() + "s");
        }
        String out = Files.readString(home.resolve("last-command.log"), StandardCharsets.UTF_8);
        return new Commands.Result(List.copyOf(command), p.exitValue(), out);
    }

    /** {@code vagrant box list}'s lines, e.g. "t (libvirt, 0)". */
    public List<String> boxList() throws IOException, InterruptedException {
        return run(home, "box", "list").orThrow().lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
    }

    @Override
    public void close() {
        try (Stream<Path> walk = Files.walk(home)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
