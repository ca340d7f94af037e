package io.imgbuild.testkit.qemu;

import io.imgbuild.testkit.Commands;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/** Asks the libvirt daemon, through Debian's virsh, what it has: the leak checks of qemu tests. */
public final class Libvirt {

    public static final String URI = "qemu:///system";

    private Libvirt() {
    }

    /** Names of every domain libvirt knows, running or only defined. */
    public static List<String> domains() throws IOException, InterruptedException {
        String out = Commands.run(List.of("virsh", "-c", URI, "list", "--all", "--name")).orThrow();
        return Arrays.stream(out.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Whether the daemon answers (scripts/setup starts it). */
    public static boolean available() {
        try {
            return Commands.run(List.of("virsh", "-c", URI, "version")).ok();
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
