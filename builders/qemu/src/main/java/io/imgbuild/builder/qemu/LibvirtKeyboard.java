package io.imgbuild.builder.qemu;

import io.imgbuild.core.boot.KeyboardTarget;
import org.libvirt.Domain;
import org.libvirt.KeycodeSet;

/**
 * The machine's keyboard through libvirt's send-key: one call per key combination, in Linux keycodes.
 * QEMU holds the keys {@value #HOLD_MILLIS} ms, below the typer's 20 ms pause between keys, so one
 * combination is released before the next arrives.
 */
final class LibvirtKeyboard implements KeyboardTarget {

    static final int HOLD_MILLIS = 10;

    private final Domain domain;

    LibvirtKeyboard(Domain domain) {
        this.domain = domain;
    }

    @Override
    public void press(int[] linuxKeycodes) throws Exception {
        domain.sendKey(KeycodeSet.LINUX, HOLD_MILLIS, linuxKeycodes);
    }
}
