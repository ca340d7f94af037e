package io.imgbuild.core.fix;

import static io.imgbuild.core.fix.FixerFixture.assertFix;

import org.junit.jupiter.api.Test;

class VirtualBoxFixerTest {

    private final Fixer fixer = new VirtualBoxFixer();

    @Test
    void theUnnamedBuildIsRenamedEverywhere() {
        assertFix(fixer, "{'builders': [{'type': 'virtualbox', 'a': 1}, {'type': 'qemu'}], 'provisioners': [{'type': "
                        + "'shell', 'only': ['virtualbox', 'qemu'], 'override': {'virtualbox': {'x': 1}}}, {'type': 'file', "
                        + "'except': ['virtualbox']}]}",
                "{'builders': [{'type': 'virtualbox-iso', 'a': 1}, {'type': 'qemu'}], 'provisioners': [{'type': "
                        + "'shell', 'only': ['virtualbox-iso', 'qemu'], 'override': {'virtualbox-iso': {'x': 1}}}, {'type': "
                        + "'file', 'except': ['virtualbox-iso']}]}");
    }

    @Test
    void aNamedBuildKeepsItsName() {
        assertFix(fixer, "{'builders': [{'type': 'virtualbox', 'name': 'vb'}], 'provisioners': [{'type': 'shell', "
                + "'only': ['vb']}]}", "{'builders': [{'type': 'virtualbox-iso', 'name': 'vb'}], 'provisioners': "
                + "[{'type': 'shell', 'only': ['vb']}]}");
    }

    @Test
    void guestAdditionsAttach() {
        assertFix(fixer, "{'builders': [{'type': 'virtualbox-iso', 'guest_additions_attach': true, 'z': 0}]}",
                "{'builders': [{'type': 'virtualbox-iso', 'guest_additions_mode': 'attach', 'z': 0}]}");
        assertFix(fixer, "{'builders': [{'type': 'virtualbox-iso', 'guest_additions_attach': false}]}",
                "{'builders': [{'type': 'virtualbox-iso', 'guest_additions_mode': 'upload'}]}");
    }

    @Test
    void aTemplateValueForGuestAdditionsAttachIsLeftAlone() {
        assertFix(fixer, "{'builders': [{'type': 'virtualbox-iso', 'guest_additions_attach': '{{user `ga`}}'}]}",
                "{'builders': [{'type': 'virtualbox-iso', 'guest_additions_attach': '{{user `ga`}}'}]}");
    }
}
