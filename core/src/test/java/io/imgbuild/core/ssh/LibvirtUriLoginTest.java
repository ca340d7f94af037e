package io.imgbuild.core.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.core.ssh.HostTunnels.HostLogin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SSH login libvirt's ssh transport would use, read from a libvirt URI; and the default key files. */
class LibvirtUriLoginTest {

    private static Optional<HostLogin> login(String uri) {
        return HostTunnels.loginFromLibvirtUri(uri, "me", "/run/agent.sock");
    }

    @Test
    void userHostPortAndKeyFile() {
        assertEquals(Optional.of(new HostLogin("kvm1.example", 2222, "builder", Path.of("/home/me/.ssh/kvm key"),
                "/run/agent.sock")), login("qemu+ssh://builder@kvm1.example:2222/system?keyfile=/home/me/.ssh/kvm%20key"
                + "&no_verify=1"));
    }

    @Test
    void theUserDefaultsToTheCurrentOneAndThePortTo22() {
        assertEquals(Optional.of(new HostLogin("kvm1", 22, "me", null, "/run/agent.sock")), login("qemu+ssh://kvm1/system"));
        assertEquals(22, login("qemu+ssh://kvm1:/system").orElseThrow().port());
    }

    @Test
    void aBlankAgentSocketIsNone() {
        assertEquals(null, HostTunnels.loginFromLibvirtUri("qemu+ssh://kvm1/system", "me", "").orElseThrow().agentSocket());
        assertEquals(null, HostTunnels.loginFromLibvirtUri("qemu+ssh://kvm1/system", "me", null).orElseThrow()
                .agentSocket());
    }

    @Test
    void ipv6UnderscoresAndOtherSshTransports() {
        assertEquals(new HostLogin("::1", 2200, "u", null, "/run/agent.sock"), login("qemu+ssh://u@[::1]:2200/system")
                .orElseThrow());
        assertEquals("kvm_1", login("qemu+ssh://kvm_1/system").orElseThrow().host());
        assertEquals("kvm1", login("qemu+libssh2://kvm1/system?known_hosts=/x").orElseThrow().host());
        assertEquals("kvm1", login("QEMU+LIBSSH://kvm1/session").orElseThrow().host());
        // the last keyfile wins, and '+' in a value is a plus, not a space
        assertEquals(Path.of("/k/a+b"), login("qemu+ssh://kvm1/system?keyfile=/k/x&keyfile=/k/a+b").orElseThrow()
                .privateKey());
    }

    @Test
    void otherTransportsAreNotSsh() {
        for (String uri : List.of("qemu:///system", "qemu:///session", "qemu+unix:///system", "qemu+tcp://kvm1/system",
                "qemu+tls://kvm1/system", "test:///default", "")) {
            assertEquals(Optional.empty(), login(uri), uri);
        }
        assertEquals(Optional.empty(), login(null));
    }

    @Test
    void anSshUriWithoutAHostOrWithABadPortIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> login("qemu+ssh:///system"));
        assertEquals("libvirt URI qemu+ssh:///system names no host; write it as qemu+ssh://user@host/system", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> login("qemu+ssh://kvm1:99999/system"));
        assertTrue(e.getMessage().contains("port 99999"), e.getMessage());
    }

    @Test
    void defaultKeysAreTheOnesThatExistInOpenSshsOrder(@TempDir Path home) throws Exception {
        assertEquals(List.of(), HostTunnels.defaultKeys(home));
        Path ssh = Files.createDirectories(home.resolve(".ssh"));
        Files.writeString(ssh.resolve("id_rsa"), "x");
        Files.writeString(ssh.resolve("id_ed25519"), "x");
        Files.writeString(ssh.resolve("id_dsa"), "x");
        assertEquals(List.of(ssh.resolve("id_ed25519"), ssh.resolve("id_rsa")), HostTunnels.defaultKeys(home));
    }
}
