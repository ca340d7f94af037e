package io.imgbuild.testkit.qemu;

import io.imgbuild.testkit.Commands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A transient directory storage pool in the local libvirt daemon, for builds on a "remote" host to
 * put their volumes in; {@link #volumes()} is the leak check, {@link #close()} destroys the pool.
 */
public final class TestPool implements AutoCloseable {

    private final String name;
    private final Path dir;

    private TestPool(String name, Path dir) {
        this.name = name;
        this.dir = dir;
    }

    public static TestPool create(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        String name = "imgbuild-test-" + UUID.randomUUID().toString().substring(0, 8);
        Commands.run(List.of("virsh", "-c", Libvirt.URI, "pool-create-as", name, "dir", "--target", dir.toString()))
                .orThrow();
        return new TestPool(name, dir);
    }

    public String name() {
        return name;
    }

    public Path dir() {
        return dir;
    }

    /** The pool's volumes, as libvirt lists them after a refresh. */
    public List<String> volumes() throws IOException, InterruptedException {
        Commands.run(List.of("virsh", "-c", Libvirt.URI, "pool-refresh", name)).orThrow();
        String out = Commands.run(List.of("virsh", "-c", Libvirt.URI, "vol-list", name, "--details")).orThrow();
        return Arrays.stream(out.split("\n")).skip(2).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.split("\\s+")[0]).toList();
    }

    /** Names of the libvirt daemon's active pools. */
    public static List<String> activePools() throws IOException, InterruptedException {
        String out = Commands.run(List.of("virsh", "-c", Libvirt.URI, "pool-list", "--name")).orThrow();
        return Arrays.stream(out.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        Commands.run(List.of("virsh", "-c", Libvirt.URI, "pool-destroy", name));
    }
}
