package io.imgbuild.core.fix;

import static io.imgbuild.core.fix.FixerFixture.assertFix;

import org.junit.jupiter.api.Test;

class IsoChecksumFixerTest {

    private final Fixer fixer = new IsoChecksumFixer();

    @Test
    void isoMd5() {
        assertFix(fixer, "{'builders': [{'type': 'qemu', 'iso_md5': 'abc', 'iso_url': 'u'}]}",
                "{'builders': [{'type': 'qemu', 'iso_checksum': 'md5:abc', 'iso_url': 'u'}]}");
    }

    @Test
    void typeAndChecksumMerge() {
        assertFix(fixer, "{'builders': [{'type': 'qemu', 'iso_checksum': 'abc', 'iso_checksum_type': 'sha256', 'x': 1}]}",
                "{'builders': [{'type': 'qemu', 'iso_checksum': 'sha256:abc', 'x': 1}]}");
    }

    @Test
    void typeNone() {
        assertFix(fixer, "{'builders': [{'iso_checksum_type': 'none', 'iso_checksum': ''}]}",
                "{'builders': [{'iso_checksum': 'none'}]}");
    }

    @Test
    void checksumUrl() {
        assertFix(fixer, "{'builders': [{'iso_checksum_url': 'http://x/SHA256SUMS', 'iso_checksum_type': 'sha256', 'a': 1}]}",
                "{'builders': [{'iso_checksum': 'file:http://x/SHA256SUMS', 'a': 1}]}");
    }

    @Test
    void alreadyCurrentIsUntouched() {
        assertFix(fixer, "{'builders': [{'type': 'qemu', 'iso_checksum': 'sha256:abc'}]}",
                "{'builders': [{'type': 'qemu', 'iso_checksum': 'sha256:abc'}]}");
        assertFix(fixer, "{'description': 'no builders'}", "{'description': 'no builders'}");
    }
}
