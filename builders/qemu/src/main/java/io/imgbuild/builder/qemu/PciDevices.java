package io.imgbuild.builder.qemu;

import io.imgbuild.core.exec.OutputListener;
import io.imgbuild.core.exec.ProcessRunner;
import io.imgbuild.core.step.CancelledException;
import io.imgbuild.core.step.Cancellation;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Whether a QEMU device driver sits on the PCI bus, asked of QEMU itself ({@code -device
 * virtio-net,help} lists an {@code addr} property for PCI devices only). A qemuargs {@code -device}
 * without an address needs one: QEMU creates command-line devices before libvirt's, so an unplaced
 * PCI device would take the slot libvirt gave its video card and the machine would not start.
 */
final class PciDevices implements Predicate<String> {

    private static final Map<String, Boolean> CACHE = new ConcurrentHashMap<>();

    private final String qemuBinary;
    private final Cancellation cancellation;

    PciDevices(String qemuBinary, Cancellation cancellation) {
        this.qemuBinary = qemuBinary;
        this.cancellation = cancellation;
    }

    @Override
    public boolean test(String driver) {
        return CACHE.computeIfAbsent(qemuBinary + " " + driver, k -> ask(driver));
    }

    private boolean ask(String driver) {
        StringBuilder out = new StringBuilder();
        try {
            ProcessRunner.run(List.of(qemuBinary, "-device", driver + ",help"), Map.of(), null,
                    OutputListener.of(line -> out.append(line).append('\n'), line -> { }), cancellation);
        } catch (IOException | CancelledException e) {
            return false; // QEMU itself will then say what is wrong with the device
        }
        return out.toString().contains("  addr=");
    }
}
