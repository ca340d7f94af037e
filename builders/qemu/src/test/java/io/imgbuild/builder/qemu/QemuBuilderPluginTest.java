package io.imgbuild.builder.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.core.build.Builder;
import io.imgbuild.core.step.StepFailure;
import io.imgbuild.testkit.PluginConfigs;
import io.imgbuild.testkit.PluginConfigs.Prepared;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QemuBuilderPluginTest {

    private static final String BASE = """
            "iso_url": "file:///var/lib/imgbuild/debian.iso",
            "ssh_username": "vagrant",
            "ssh_password": "vagrant",
            "shutdown_command": "echo vagrant | sudo -S poweroff"
            """;

    @TempDir
    Path dir;

    private Prepared<Builder> prepare(String json) {
        return PluginConfigs.prepare(new QemuBuilderPlugin(), json, dir);
    }

    /** The base config plus more keys (a JSON fragment starting with a comma, or ""). */
    private Prepared<Builder> base(String more) {
        return prepare("{" + BASE + ", \"iso_checksum\": \"none\"" + more + "}");
    }

    // --- the corpus -----------------------------------------------------------------------------

    @Test
    void corpusQemuMinimalIsAcceptedWithChecksumWarning() {
        var r = prepare("""
                {"type": "qemu", "iso_url": "file:///var/lib/imgbuild/debian.iso", "iso_checksum": "none",
                 "ssh_username": "vagrant", "ssh_password": "vagrant",
                 "shutdown_command": "echo vagrant | sudo -S poweroff"}""");
        assertEquals(List.of(), r.errorTexts());
        assertTrue(r.hasWarning("iso_checksum", "a checksum of none was given"), r.warningTexts()::toString);
        assertInstanceOf(QemuBuilder.class, r.prepared());
    }

    @Test
    void corpusQemuBootCommandIsAccepted() throws IOException {
        Files.createDirectories(dir.resolve("http"));
        var r = base("""
                , "http_directory": "http", "boot_wait": "5s",
                  "boot_command": ["<esc><wait>", "auto url=http://{{ .HTTPIP }}:{{ .HTTPPort }}/preseed.cfg<enter>"],
                  "vm_name": "debian-12.qcow2", "output_directory": "out-{{build_name}}"
                """);
        assertEquals(List.of(), r.errorTexts());
        QemuBuilder b = (QemuBuilder) r.prepared();
        assertEquals("out-qemu", b.config().outputDirectory());
        assertEquals(2, b.config().bootCommand().size());
    }

    @Test
    void corpusQemuDiskImageIsAccepted() throws IOException {
        Files.writeString(dir.resolve("base.qcow2"), "QFI");
        var r = prepare("""
                {"type": "qemu", "iso_url": "base.qcow2", "iso_checksum": "none", "ssh_username": "vagrant",
                 "ssh_password": "vagrant", "shutdown_command": "echo vagrant | sudo -S poweroff",
                 "disk_image": true, "format": "qcow2", "accelerator": "kvm", "headless": true,
                 "memory": 1024, "cpus": 2, "disk_size": "8G"}""");
        assertEquals(List.of(), r.errorTexts());
        QemuBuilder b = (QemuBuilder) r.prepared();
        assertEquals(1024, b.config().effectiveMemory());
        assertEquals(2, b.config().effectiveCpus());
        assertTrue(r.warnings().stream().noneMatch(p -> p.message().contains("does not exist")));
    }

    @Test
    void corpusUserVariablesAsStringsAreConverted() {
        var r = base(", \"memory\": \"2048\"");
        assertEquals(List.of(), r.errorTexts());
        assertEquals(2048, ((QemuBuilder) r.prepared()).config().memory());
    }

    @Test
    void corpusMissingIsoChecksumIsRejected() {
        var r = prepare("{" + BASE + "}");
        assertEquals(1, r.errors().size(), r.errorTexts()::toString);
        assertTrue(r.hasError("iso_checksum", "missing required key \"iso_checksum\""), r.errorTexts()::toString);
        assertNotNull(r.errors().get(0).hint());
    }

    @Test
    void corpusMissingSshUsernameIsRejected() {
        var r = prepare("""
                {"iso_url": "file:///var/lib/imgbuild/debian.iso", "iso_checksum": "none", "ssh_password": "vagrant",
                 "shutdown_command": "echo vagrant | sudo -S poweroff"}""");
        assertEquals(1, r.errors().size(), r.errorTexts()::toString);
        assertTrue(r.hasErrorContaining("missing required key \"ssh_username\""), r.errorTexts()::toString);
    }

    @Test
    void corpusBadFormatIsRejectedByTheSchemaWithoutAJavaCrash() {
        var r = base(", \"format\": \"vhdx\"");
        assertTrue(r.hasError("format", ""), r.errorTexts()::toString);
    }

    @Test
    void wrongTypesReportedByTheSchemaDoNotCrashPrepare() {
        var r = base(", \"memory\": \"lots\", \"boot_wait\": \"soon\"");
        assertTrue(r.errors().size() >= 2, r.errorTexts()::toString);
    }

    // --- ISO --------------------------------------------------------------------------------------

    @Test
    void isoUrlOrIsoUrlsIsRequired() {
        var r = prepare("{\"iso_checksum\": \"none\", \"ssh_username\": \"u\"}");
        assertTrue(r.hasError("iso_url", "missing required key \"iso_url\""), r.errorTexts()::toString);
    }

    @Test
    void isoUrlAndIsoUrlsTogetherAreAnError() {
        var r = base(", \"iso_urls\": [\"http://a/x.iso\", \"http://b/x.iso\"]");
        assertTrue(r.hasError("iso_urls", "cannot be used together"), r.errorTexts()::toString);
    }

    @Test
    void isoSkipCacheNeedsNoChecksum() {
        var r = prepare("{" + BASE + ", \"iso_skip_cache\": true}");
        assertEquals(List.of(), r.errorTexts());
        assertTrue(r.warnings().stream().noneMatch(p -> p.message().contains("checksum of none")));
    }

    @Test
    void badChecksumIsReportedAtIsoChecksum() {
        var r = prepare("{" + BASE + ", \"iso_checksum\": \"sha256:1234\"}");
        assertTrue(r.hasError("iso_checksum", "64 hex digits"), r.errorTexts()::toString);
        var iso = prepare("{" + BASE + ", \"iso_checksum\": \"debian.iso\"}");
        assertTrue(iso.hasError("iso_checksum", ".iso"), iso.errorTexts()::toString);
    }

    @Test
    void goodChecksumFormsAreAccepted() {
        for (String sum : List.of("md5:" + "a".repeat(32), "sha1:" + "b".repeat(40), "c".repeat(64),
                "sha512:" + "D".repeat(128), "file:https://example.org/SHA256SUMS")) {
            var r = prepare("{" + BASE + ", \"iso_checksum\": \"" + sum + "\"}");
            assertEquals(List.of(), r.errorTexts(), sum);
        }
    }

    @Test
    void localChecksumListMustHaveTheIsosLine() throws IOException {
        Files.writeString(dir.resolve("SHA256SUMS"), "a".repeat(64) + "  other.iso\n");
        var r = prepare("{" + BASE + ", \"iso_checksum\": \"file:SHA256SUMS\"}");
        assertTrue(r.hasError("iso_checksum", "no checksum for \"debian.iso\""), r.errorTexts()::toString);
        Files.writeString(dir.resolve("SHA256SUMS"), "a".repeat(64) + " *debian.iso\n", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(List.of(), prepare("{" + BASE + ", \"iso_checksum\": \"file:./SHA256SUMS\"}").errorTexts());
        var missing = prepare("{" + BASE + ", \"iso_checksum\": \"file:NOPE\"}");
        assertTrue(missing.hasError("iso_checksum", "does not exist"), missing.errorTexts()::toString);
    }

    // --- disk, ranges, http, boot -----------------------------------------------------------------

    @Test
    void backingFileNeedsDiskImageAndQcow2() {
        var r = base(", \"use_backing_file\": true, \"format\": \"raw\"");
        assertTrue(r.hasError("use_backing_file", "disk_image"), r.errorTexts()::toString);
        assertTrue(r.hasError("use_backing_file", "qcow2"), r.errorTexts()::toString);
    }

    @Test
    void skipResizeDiskNeedsDiskImage() {
        var r = base(", \"skip_resize_disk\": true");
        assertTrue(r.hasError("skip_resize_disk", "disk_image"), r.errorTexts()::toString);
    }

    @Test
    void rawFormatForcesSkipCompaction() {
        var r = base(", \"format\": \"raw\", \"disk_compression\": true");
        assertEquals(List.of(), r.errorTexts());
        QemuConfig c = ((QemuBuilder) r.prepared()).config();
        assertTrue(c.effectiveSkipCompaction());
        assertTrue(!c.effectiveDiskCompression());
        assertTrue(r.hasWarning("disk_compression", "no effect"));
    }

    @Test
    void portRangesMustNotBeInverted() {
        var r = base(", \"host_port_min\": 5000, \"host_port_max\": 4000, \"vnc_port_min\": 6001,"
                + " \"http_port_min\": 9001");
        assertTrue(r.hasError("host_port_max", "lower than host_port_min"), r.errorTexts()::toString);
        assertTrue(r.hasError("vnc_port_max", "lower than vnc_port_min"), r.errorTexts()::toString);
        assertTrue(r.hasError("http_port_max", "lower than http_port_min"), r.errorTexts()::toString);
        assertEquals(3, r.errors().size(), r.errorTexts()::toString);
    }

    @Test
    void httpExclusivePairs() throws IOException {
        Files.createDirectories(dir.resolve("http"));
        var r = base(", \"http_directory\": \"http\", \"http_content\": {\"/a\": \"b\"},"
                + " \"http_interface\": \"eth0\", \"http_bind_address\": \"10.0.0.1\"");
        assertTrue(r.hasError("http_content", "http_directory"), r.errorTexts()::toString);
        assertTrue(r.hasError("http_interface", "http_bind_address"), r.errorTexts()::toString);
        assertEquals(List.of(), base(", \"http_interface\": \"eth0\"").errorTexts(),
                "http_interface alone is fine (Packer 1.6.6 wrongly rejected it)");
    }

    @Test
    void badBootCommandIsReportedAtItsEntry() {
        var r = base(", \"boot_command\": [\"<esc><wait>\", \"linux <entr><wiat5>\"]");
        assertEquals(2, r.errors().size(), r.errorTexts()::toString);
        assertTrue(r.hasError("boot_command[1]", "unknown special key <entr> at character 7; did you mean <enter>?"),
                r.errorTexts()::toString);
        assertTrue(r.hasError("boot_command[1]", "did you mean <wait5>?"), r.errorTexts()::toString);
    }

    @Test
    void bootCommandNeedsVnc() {
        var r = base(", \"boot_command\": [\"<enter>\"], \"disable_vnc\": true");
        assertTrue(r.hasError("boot_command", "disable_vnc"), r.errorTexts()::toString);
    }

    @Test
    void winrmIsRejected() {
        var r = base(", \"communicator\": \"winrm\"");
        assertTrue(r.hasError("communicator", "winrm"), r.errorTexts()::toString);
    }

    @Test
    void sshKeyFileMustBeAPrivateKey() throws IOException {
        Files.writeString(dir.resolve("id.pub"), "ssh-ed25519 AAAA me@host\n");
        var r = base(", \"ssh_private_key_file\": \"id.pub\"");
        assertTrue(r.hasError("ssh_private_key_file", "not a private key"), r.errorTexts()::toString);
        Files.writeString(dir.resolve("id"), "-----BEGIN OPENSSH PRIVATE KEY-----\nxx\n-----END OPENSSH PRIVATE KEY-----\n");
        assertEquals(List.of(), base(", \"ssh_private_key_file\": \"id\"").errorTexts());
    }

    @Test
    void bastionNeedsCredentialsAndTunnelsAreRefused() {
        var r = base(", \"ssh_bastion_host\": \"jump\", \"ssh_local_tunnels\": [\"8080:localhost:80\"]");
        assertTrue(r.hasError("ssh_bastion_host", "log in"), r.errorTexts()::toString);
        assertTrue(r.hasError("ssh_local_tunnels", "not supported"), r.errorTexts()::toString);
        assertEquals(2, r.errors().size(), r.errorTexts()::toString);
    }

    @Test
    void everyProblemIsReportedInOnePass() {
        var r = prepare("{\"use_backing_file\": true, \"host_port_min\": 5000, \"host_port_max\": 10,"
                + " \"boot_command\": [\"<bogus>\"]}");
        // iso_url, iso_checksum, ssh_username, use_backing_file (disk_image), host_port, boot_command
        assertEquals(6, r.errors().size(), r.errorTexts()::toString);
    }

    @Test
    void existingOutputDirectoryIsAWarning() throws IOException {
        Files.createDirectories(dir.resolve("output-qemu"));
        var r = base("");
        assertEquals(List.of(), r.errorTexts());
        assertTrue(r.hasWarning("output_directory", "already exists"), r.warningTexts()::toString);
    }

    @Test
    void qemuargsThatCannotWorkThroughLibvirtAreErrorsAtTheirIndex() {
        var r = base("""
                , "qemuargs": [["-m", "2G"], ["-display", "gtk"], ["-netdev", "user,id=user.0,hostfwd=tcp::{{ .SSHHostPort }}-:22"],
                               ["-pidfile", "/tmp/q.pid"], ["-smp", "cpus=3,sockets=2"]]
                """);
        assertTrue(r.hasError("qemuargs[1]", "cannot open a window"), r.errorTexts()::toString);
        assertTrue(r.hasError("qemuargs[3]", "-pidfile cannot be used through libvirt"), r.errorTexts()::toString);
        assertTrue(r.hasError("qemuargs[4]", "not 3 CPUs"), r.errorTexts()::toString);
        // [0] maps to XML, and [2] uses a build-time value: it is checked when the machine starts.
        assertEquals(3, r.errors().size(), r.errorTexts()::toString);
    }

    @Test
    void anAcceleratorInQemuargsReplacesTheOption() {
        var r = base(", \"accelerator\": \"kvm\", \"qemuargs\": [[\"-machine\", \"type=pc,accel=tcg\"]]");
        assertEquals(List.of(), r.errorTexts());
        assertEquals("tcg", QemuArgsMerge.check(((QemuBuilder) r.prepared()).config(), dir).accel());
    }

    @Test
    void cdAndFloppyMistakesAreFoundAtValidateTime() throws IOException {
        Files.writeString(dir.resolve("user-data"), "#cloud-config\n");
        var r = base("""
                , "cd_files": ["user-data", "nothing-here", "bad["], "cd_content": {"../escape": "x", "meta-data": "ok"},
                  "cd_label": "a-label-much-longer-than-thirty-two-chars", "floppy_files": ["*.cfg"],
                  "floppy_label": "twelve-chars"
                """);
        assertTrue(r.hasError("cd_files[1]", "does not exist"), r.errorTexts()::toString);
        assertTrue(r.hasError("cd_files[2]", "without its closing ]"), r.errorTexts()::toString);
        assertTrue(r.hasError("cd_content[\"../escape\"]", "not a path inside the CD"), r.errorTexts()::toString);
        assertTrue(r.hasError("cd_label", "holds at most 32"), r.errorTexts()::toString);
        assertTrue(r.hasError("floppy_label", "holds at most 11"), r.errorTexts()::toString);
        assertEquals(5, r.errors().size(), "a pattern that matches nothing is no error: " + r.errorTexts());
    }
}
