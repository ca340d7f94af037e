package io.imgbuild.builder.qemu;

import org.libvirt.Domain;
import org.libvirt.LibvirtException;

/** What every step that starts or watches a libvirt domain needs. */
final class Domains {

    /**
     * VIR_DOMAIN_START_AUTODESTROY: libvirt destroys the domain when the connection that started it
     * closes, so a build that dies cannot leave its machine running.
     */
    static final int START_AUTODESTROY = 2;

    private Domains() {
    }

    /** Whether the machine still runs; a transient domain that stopped is gone, which counts as not. */
    static boolean running(Domain d) {
        try {
            return d.isActive() == 1;
        } catch (LibvirtException e) {
            return false;
        }
    }
}
