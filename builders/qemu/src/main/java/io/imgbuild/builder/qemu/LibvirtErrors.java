package io.imgbuild.builder.qemu;

import org.libvirt.Connect;
import org.libvirt.ErrorCallback;
import org.libvirt.LibvirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** libvirt's errors as one readable line, and kept off stderr (they arrive as exceptions anyway). */
final class LibvirtErrors {

    private static final Logger LOG = LoggerFactory.getLogger(LibvirtErrors.class);
    /** Held here: JNA callbacks must stay strongly reachable while the C side may call them. */
    private static final ErrorCallback QUIET = new ErrorCallback();
    private static volatile boolean silenced;

    private LibvirtErrors() {
    }

    /** Stops libvirt's C library from printing every error to stderr; our messages say it better. */
    static synchronized void silence() {
        if (silenced) {
            return;
        }
        try {
            Connect.setErrorCallback(QUIET);
        } catch (LibvirtException | RuntimeException e) {
            LOG.debug("cannot install a libvirt error callback", e);
        }
        silenced = true;
    }

    static String message(LibvirtException e) {
        String m = e.getError() != null && e.getError().getMessage() != null ? e.getError().getMessage() : e.getMessage();
        return m == null ? e.toString() : m.strip();
    }
}
