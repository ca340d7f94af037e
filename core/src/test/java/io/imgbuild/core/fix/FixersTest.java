package io.imgbuild.core.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class FixersTest {

    private static final String OLD = "{'description': 'd', 'builders': [{'type': 'virtualbox', 'iso_md5': 'abc', "
            + "'ssh_wait_timeout': '5m', 'guest_additions_attach': true, 'boot_wait': '5s'}], 'provisioners': [{'type': "
            + "'shell', 'only': ['virtualbox']}], 'post-processors': [{'type': 'manifest', 'filename': 'm.json'}]}";

    @Test
    void applyReportsWhatChangedAndKeepsOrder() {
        ObjectNode t = FixerFixture.json(OLD);
        List<String> applied = Fixers.apply(t).stream().map(Fixer::name).toList();
        assertEquals(List.of("iso-checksum", "virtualbox-rename", "ssh-wait-timeout", "post-processor-options"), applied);
        assertEquals(FixerFixture.json("{'description': 'd', 'builders': [{'type': 'virtualbox-iso', 'iso_checksum': "
                + "'md5:abc', 'ssh_timeout': '5m', 'guest_additions_mode': 'attach', 'boot_wait': '5s'}], 'provisioners': "
                + "[{'type': 'shell', 'only': ['virtualbox-iso']}], 'post-processors': [{'type': 'manifest', 'output': "
                + "'m.json'}]}").toString(), t.toString());
    }

    @Test
    void aFixedTemplateNeedsNoMoreFixing() {
        ObjectNode t = FixerFixture.json(OLD);
        Fixers.apply(t);
        assertEquals(List.of(), Fixers.apply(t));
    }

    @Test
    void namesAreUniqueAndDescribed() {
        Set<String> names = new HashSet<>();
        for (Fixer f : Fixers.ALL) {
            assertFalse(f.description().isBlank(), f.name());
            assertEquals(true, names.add(f.name()), f.name());
        }
    }
}
