package io.imgbuild.core.http;

import io.imgbuild.core.step.StepContext;

/**
 * The port the guest fetches from ({@code {{ .HTTPPort }}}) for the server's port here. The same port
 * unless something carries the traffic across, like an SSH tunnel from a remote libvirt host's
 * loopback, which the builder sets up when the server starts.
 */
@FunctionalInterface
public interface GuestHttpPort {

    /**
     * @param localPort the port the server listens on here
     * @return the port the guest connects to
     */
    int guestPort(StepContext ctx, int localPort) throws Exception;

    /** The guest reaches this machine directly, e.g. QEMU user-mode networking on a local host. */
    static GuestHttpPort same() {
        return (ctx, localPort) -> localPort;
    }
}
