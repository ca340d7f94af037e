package io.imgbuild.testkit.ec2;

import io.imgbuild.core.fs.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/** Everything the simulator knows: every region's state, under one lock (EC2 calls are small). */
final class World {

    final String accountId;
    final Timings timings;
    final Faults faults;
    final SshEndpoint ssh;
    final String accessKeyId;
    final Map<String, RegionState> regions = new LinkedHashMap<>();
    final String defaultRegion;
    private final Clock clock;
    private String lastAuthorizedKeys;

    World(Ec2Config config, Faults faults, Clock clock) {
        this.accountId = config.accountId();
        this.timings = config.timings();
        this.faults = faults;
        this.ssh = config.ssh();
        this.accessKeyId = config.accessKeyId();
        this.clock = clock;
        Instant now = clock.instant();
        for (String region : config.regions()) {
            regions.put(region, new RegionState(this, region, now));
        }
        this.defaultRegion = config.regions().get(0);
    }

    Instant now() {
        return clock.instant();
    }

    /** Brings every region's timed transitions up to now; callers hold the lock. */
    void advance() {
        Instant now = now();
        regions.values().forEach(r -> r.advance(now));
        syncAuthorizedKeys();
    }

    /**
      * Lists the public keys of the key pairs that live instances (pending or running) were launched
      * with in the SSH endpoint's authorized_keys file, if it has one: what cloud-init does on boot.
      * The key is the one at launch, so deleting the key pair later does not lock the instance out
      * (as on EC2). The file is written whole (a temporary file renamed), mode 0644, since sshd reads
      * it as the login user.
      */
    void syncAuthorizedKeys() {
        Path file = ssh.authorizedKeys();
        if (file == null) {
            return;
        }
        TreeSet<String> lines = new TreeSet<>();
        for (RegionState region : regions.values()) {
            for (Instance instance : region.instances.values()) {
                boolean live = instance.state == InstanceState.PENDING || instance.state == InstanceState.RUNNING;
                if (live && instance.authorizedKey != null) {
                    lines.add(instance.authorizedKey);
                }
            }
        }
        String content = String.join("\n", lines) + (lines.isEmpty() ? "" : "\n");
        if (content.equals(lastAuthorizedKeys)) {
            return;
        }
        try (AtomicFile out = AtomicFile.create(file)) {
            Files.writeString(out.temp(), content, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(out.temp(), java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            out.commit(true);
            lastAuthorizedKeys = content;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the instances' authorized keys to " + file, e);
        }
    }
}
