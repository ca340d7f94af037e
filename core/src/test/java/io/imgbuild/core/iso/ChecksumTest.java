package io.imgbuild.core.iso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChecksumTest {

    @Test
    void none() {
        assertEquals(Checksum.NONE, Checksum.parse("none"));
        assertEquals(Checksum.NONE, Checksum.parse("NONE"));
    }

    @ParameterizedTest
    @CsvSource({"md5, 32", "sha1, 40", "sha256, 64", "sha512, 128"})
    void typedHashes(String type, int length) {
        Checksum c = Checksum.parse(type + ":" + "AbC0".repeat(length / 4));
        assertEquals(Checksum.Kind.HASH, c.kind());
        assertEquals(type, c.algorithm());
        assertEquals("abc0".repeat(length / 4), c.hash());
        assertEquals(Checksum.Kind.HASH, Checksum.parse(type.toUpperCase() + ":" + "0".repeat(length)).kind());
    }

    @ParameterizedTest
    @CsvSource({"32, md5, MD5", "40, sha1, SHA-1", "64, sha256, SHA-256", "128, sha512, SHA-512"})
    void bareHashTypeFollowsFromItsLength(int length, String type, String jdk) {
        Checksum c = Checksum.parse("f".repeat(length));
        assertEquals(type, c.algorithm());
        assertEquals(jdk, c.jdkAlgorithm());
        assertEquals(length / 2, c.hashBytes().length);
    }

    @Test
    void checksumLists() {
        Checksum c = Checksum.parse("file:https://example.org/SHA256SUMS");
        assertEquals(Checksum.Kind.FILE, c.kind());
        assertEquals("https://example.org/SHA256SUMS", c.listUrl());
        assertEquals("./SHA256SUMS", Checksum.parse("file:./SHA256SUMS").listUrl());
        assertEquals("///srv/SHA256SUMS", Checksum.parse("file:///srv/SHA256SUMS").listUrl());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''| the checksum is empty",
            "debian-12.iso| a file name, not a checksum",
            "sha256:abcd| a sha256 checksum has 64 hex digits, \"abcd\" has 4",
            "sha256:zz| is not hexadecimal",
            "crc32:abcd1234| unknown checksum type \"crc32\"",
            "abcdef| cannot tell the type of the 6-digit hash",
            "not-a-hash| is not a checksum",
            "file:| file: must be followed by"})
    void mistakes(String value, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checksum.parse(value));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void findsTheLineForAFileInGnuAndBsdLists() {
        String a = "a".repeat(64);
        String b = "b".repeat(64);
        String gnu = a + "  debian-12-amd64-netinst.iso\n" + b + " *debian-12-arm64-netinst.iso\n";
        assertEquals(Optional.of(new Checksum(Checksum.Kind.HASH, "sha256", b, null)),
                Checksum.findInList(gnu, "debian-12-arm64-netinst.iso"));
        assertEquals(a, Checksum.findInList(gnu, "debian-12-amd64-netinst.iso").orElseThrow().hash());
        assertTrue(Checksum.findInList(gnu, "other.iso").isEmpty());
        String bsd = "SHA256 (./x.iso) = " + b + "\nMD5 (y.iso) = " + "c".repeat(32) + "\n";
        assertEquals(b, Checksum.findInList(bsd, "x.iso").orElseThrow().hash());
        assertEquals("md5", Checksum.findInList(bsd, "y.iso").orElseThrow().algorithm());
        assertEquals(a, Checksum.findInList(a + "\n", "anything.iso").orElseThrow().hash());
    }
}
