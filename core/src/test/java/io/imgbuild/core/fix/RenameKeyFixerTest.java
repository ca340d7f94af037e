package io.imgbuild.core.fix;

import static io.imgbuild.core.fix.FixerFixture.assertFix;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class RenameKeyFixerTest {

    private static Fixer byName(String name) {
        return Fixers.ALL.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void sshWaitTimeoutKeepsItsPlace() {
        assertFix(byName("ssh-wait-timeout"), "{'builders': [{'type': 'qemu', 'ssh_wait_timeout': '10m', 'z': 1}]}",
                "{'builders': [{'type': 'qemu', 'ssh_timeout': '10m', 'z': 1}]}");
    }

    @Test
    void everyBuilderIsFixed() {
        assertFix(byName("ssh-key-path"), "{'builders': [{'type': 'a', 'ssh_key_path': 'k'}, {'type': 'b', "
                + "'ssh_key_path': 'j'}]}", "{'builders': [{'type': 'a', 'ssh_private_key_file': 'k'}, {'type': 'b', "
                + "'ssh_private_key_file': 'j'}]}");
    }

    @Test
    void theNewNameWinsWhenBothAreSet() {
        assertFix(byName("ssh-wait-timeout"), "{'builders': [{'ssh_wait_timeout': '10m', 'ssh_timeout': '1m'}]}",
                "{'builders': [{'ssh_wait_timeout': '10m', 'ssh_timeout': '1m'}]}");
    }

    @Test
    void restrictedToSomeBuilderTypes() {
        Fixer f = byName("host-port-min");
        assertFix(f, "{'builders': [{'type': 'qemu', 'ssh_host_port_min': 2222}, {'type': 'amazon-ebs', "
                + "'ssh_host_port_min': 2222}]}", "{'builders': [{'type': 'qemu', 'host_port_min': 2222}, {'type': "
                + "'amazon-ebs', 'ssh_host_port_min': 2222}]}");
        assertEquals(true, f.description().contains("qemu"));
    }

    @Test
    void description() {
        assertEquals("renames a to b", new RenameKeyFixer("x", "a", "b", Set.of()).description());
    }
}
