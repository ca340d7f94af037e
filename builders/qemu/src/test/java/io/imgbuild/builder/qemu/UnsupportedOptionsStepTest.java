package io.imgbuild.builder.qemu;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.testkit.PluginConfigs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnsupportedOptionsStepTest {

    @Test
    void onlyHostsOtherThanThisOneAreRemote() {
        assertFalse(UnsupportedOptionsStep.remote("qemu:///system"));
        assertFalse(UnsupportedOptionsStep.remote("qemu:///session"));
        assertFalse(UnsupportedOptionsStep.remote("qemu+ssh://localhost/system"));
        assertTrue(UnsupportedOptionsStep.remote("qemu+ssh://kvm1.example.com/system"));
        assertTrue(UnsupportedOptionsStep.remote("qemu+tcp://10.0.0.5/system"));
    }

    @TempDir
    Path dir;

    private QemuConfig config(String more) throws Exception {
        Files.writeString(dir.resolve("a.cfg"), "x");
        return ((QemuBuilder) PluginConfigs.prepare(new QemuBuilderPlugin(), """
                {"iso_url": "file:///x.iso", "iso_checksum": "none", "ssh_username": "u", "ssh_password": "p" %s}
                """.formatted(more), dir).requireNoErrors().prepared()).config();
    }

    @Test
    void cdFloppyAndQemuargsAreBuiltNowOnlyABridgeAndARemoteHostAreNot() throws Exception {
        QemuConfig media = config(", \"cd_content\": {\"user-data\": \"\"}, \"floppy_files\": [\"a.cfg\"],"
                + " \"qemuargs\": [[\"-m\", \"1G\"]]");
        assertTrue(UnsupportedOptionsStep.unsupported(media).isEmpty());
        List<String> why = UnsupportedOptionsStep.unsupported(config(", \"net_bridge\": \"br0\","
                + " \"libvirt_uri\": \"qemu+ssh://kvm1/system\""));
        assertTrue(why.get(0).startsWith("net_bridge (br0): only user-mode networking is built in"), why::toString);
        assertTrue(why.get(1).startsWith("a remote libvirt_uri (qemu+ssh://kvm1/system)"), why::toString);
    }
}
