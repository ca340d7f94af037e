package io.imgbuild.builder.qemu;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UnsupportedOptionsStepTest {

    @Test
    void onlyHostsOtherThanThisOneAreRemote() {
        assertFalse(UnsupportedOptionsStep.remote("qemu:///system"));
        assertFalse(UnsupportedOptionsStep.remote("qemu:///session"));
        assertFalse(UnsupportedOptionsStep.remote("qemu+ssh://localhost/system"));
        assertTrue(UnsupportedOptionsStep.remote("qemu+ssh://kvm1.example.com/system"));
        assertTrue(UnsupportedOptionsStep.remote("qemu+tcp://10.0.0.5/system"));
    }
}
