package io.imgbuild.core.boot;

import io.imgbuild.core.step.Key;

/**
 * A machine's keyboard, one key combination at a time: all keys go down in the order given, then all
 * come up. libvirt's {@code virDomainSendKey} (codeset LINUX) works exactly so; a target that types
 * scan codes (VirtualBox) turns each call into make codes then break codes.
 */
@FunctionalInterface
public interface KeyboardTarget {

    /** Where a builder that opens its keyboard in an earlier step puts it for {@link TypeBootCommandStep}. */
    Key<KeyboardTarget> KEY = new Key<>("keyboard");

    /**
     * Presses one combination and releases it.
     *
     * @param linuxKeycodes Linux input keycodes (linux/input-event-codes.h), modifiers first, e.g.
     *                      {@code {42, 30}} for shift+a
     */
    void press(int[] linuxKeycodes) throws Exception;
}
