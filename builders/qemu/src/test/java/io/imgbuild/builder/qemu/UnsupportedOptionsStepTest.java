package io.imgbuild.builder.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.testkit.PluginConfigs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnsupportedOptionsStepTest {

    @Test
    void theSshTransportIsRemoteEvenToThisMachineOtherTransportsOnlyToOtherHosts() {
        assertEquals(LibvirtHost.Kind.LOCAL, LibvirtHost.kind("qemu:///system"));
        assertEquals(LibvirtHost.Kind.LOCAL, LibvirtHost.kind("qemu:///session"));
        assertEquals(LibvirtHost.Kind.LOCAL, LibvirtHost.kind("qemu+unix:///system"));
        assertEquals(LibvirtHost.Kind.LOCAL, LibvirtHost.kind("test:///default"));
        assertEquals(LibvirtHost.Kind.LOCAL, LibvirtHost.kind("qemu+tcp://localhost/system"));
        assertEquals(LibvirtHost.Kind.REMOTE_SSH, LibvirtHost.kind("qemu+ssh://localhost/system"));
        assertEquals(LibvirtHost.Kind.REMOTE_SSH, LibvirtHost.kind("qemu+ssh://root@kvm1.example.com:2222/system?keyfile=k"));
        assertEquals(LibvirtHost.Kind.REMOTE_SSH, LibvirtHost.kind("qemu+libssh2://kvm1/system"));
        assertEquals(LibvirtHost.Kind.REMOTE_OTHER, LibvirtHost.kind("qemu+tcp://10.0.0.5/system"));
        assertEquals(LibvirtHost.Kind.REMOTE_OTHER, LibvirtHost.kind("qemu://kvm1/system"));
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
    void cdFloppyQemuargsAndSshHostsAreBuiltNowOnlyABridgeAndATcpHostAreNot() throws Exception {
        QemuConfig media = config(", \"cd_content\": {\"user-data\": \"\"}, \"floppy_files\": [\"a.cfg\"],"
                + " \"qemuargs\": [[\"-m\", \"1G\"]]");
        assertTrue(UnsupportedOptionsStep.unsupported(media).isEmpty());
        assertTrue(UnsupportedOptionsStep.unsupported(config(", \"libvirt_uri\": \"qemu+ssh://kvm1/system\"")).isEmpty());
        List<String> libssh = UnsupportedOptionsStep.unsupported(config(", \"libvirt_uri\": \"qemu+libssh://kvm1/system\""));
        assertTrue(libssh.get(0).contains("use qemu+ssh://"), libssh::toString);
        assertTrue(UnsupportedOptionsStep.unsupported(config(", \"libvirt_uri\": \"qemu+libssh2://kvm1/system\"")).isEmpty());
        List<String> why = UnsupportedOptionsStep.unsupported(config(", \"net_bridge\": \"br0\","
                + " \"libvirt_uri\": \"qemu+tcp://kvm1/system\""));
        assertTrue(why.get(0).startsWith("net_bridge (br0): only user-mode networking is built in"), why::toString);
        assertTrue(why.get(1).startsWith("a remote libvirt_uri over tcp or tls (qemu+tcp://kvm1/system)"), why::toString);
    }
}
