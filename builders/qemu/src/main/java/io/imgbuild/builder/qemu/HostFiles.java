package io.imgbuild.builder.qemu;

import io.imgbuild.core.step.Key;
import io.imgbuild.core.step.StepContext;
import java.nio.file.Path;

/**
 * Where the libvirt host finds the build's files. On this machine they are the files themselves;
 * on a remote host each is copied into a storage pool volume ({@link PoolHostFiles}) and the built
 * disks are copied back when the machine has stopped.
 */
interface HostFiles extends AutoCloseable {

    Key<HostFiles> KEY = new Key<>("qemu.hostFiles");

    /** How a local file is known among the placed ones (and in {@link PlaceFilesStep#HOST_PATHS}). */
    static Path key(Path local) {
        return local.toAbsolutePath().normalize();
    }

    /** Files shared with the daemon: nothing to copy. */
    HostFiles LOCAL = new HostFiles() {
        @Override
        public String place(Path local, String role, StepContext ctx) {
            return local.toAbsolutePath().toString();
        }

        @Override
        public String placeEmpty(Path local, String role, long capacity, String format, StepContext ctx) {
            return place(local, role, ctx);
        }

        @Override
        public void fetch(Path local, StepContext ctx) {
        }

        @Override
        public void remove(Path local) {
        }

        @Override
        public boolean remote() {
            return false;
        }

        @Override
        public void close() {
        }
    };

    /**
     * Makes the local file available to the libvirt host.
     *
     * @param role a short name for messages and volume names: "disk", "iso", "probe" ...
     * @return the path the host sees it at
     */
    String place(Path local, String role, StepContext ctx) throws Exception;

    /**
     * Makes an empty disk for the local one, made there rather than copied: an empty raw disk is
     * all zeros, and a 40 GB one would cross the network in full.
     */
    String placeEmpty(Path local, String role, long capacity, String format, StepContext ctx) throws Exception;

    /** Replaces the local file with what the host's copy holds now (the machine wrote to it). */
    void fetch(Path local, StepContext ctx) throws Exception;

    /** Removes the host's copy of a placed file, quietly. */
    void remove(Path local);

    boolean remote();

    /** Removes every copy still on the host. */
    @Override
    void close();
}
