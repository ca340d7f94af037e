package io.imgbuild.builder.virtualbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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

class VirtualBoxBuilderPluginTest {

    private static final String ISO_BASE = """
            {"type": "virtualbox-iso", "guest_os_type": "Debian_64", "iso_url": "file:///var/lib/imgbuild/debian.iso",
             "iso_checksum": "none", "ssh_username": "vagrant", "ssh_password": "vagrant",
             "shutdown_command": "sudo poweroff"
            """;

    @TempDir
    Path dir;

    private Prepared<Builder> iso(String json) {
        return PluginConfigs.prepare(new VirtualBoxIsoBuilderPlugin(), json, dir);
    }

    private Prepared<Builder> isoBase(String more) {
        return iso(ISO_BASE + more + "}");
    }

    private Prepared<Builder> ovf(String more) throws IOException {
        Files.writeString(dir.resolve("base.ovf"), "<Envelope/>");
        return PluginConfigs.prepare(new VirtualBoxOvfBuilderPlugin(), """
                {"type": "virtualbox-ovf", "source_path": "base.ovf", "ssh_username": "vagrant",
                 "ssh_password": "vagrant", "shutdown_command": "sudo poweroff"
                """ + more + "}", dir);
    }

    // --- the corpus -----------------------------------------------------------------------------

    @Test
    void corpusVirtualBoxIsoIsAccepted() {
        var r = isoBase("""
                , "vboxmanage": [["modifyvm", "{{.Name}}", "--memory", "1024"]], "guest_additions_mode": "disable",
                  "export_opts": [], "format": "ova", "hard_drive_interface": "sata", "disk_size": 10000
                """);
        assertEquals(List.of(), r.errorTexts());
        assertTrue(r.hasWarning("iso_checksum", "a checksum of none was given"), r.warningTexts()::toString);
        VirtualBoxBuilder<?> b = (VirtualBoxBuilder<?>) r.prepared();
        assertEquals("ova", b.common().format());
        assertEquals(List.of(List.of("modifyvm", "{{.Name}}", "--memory", "1024")), b.common().vboxmanage());
        assertEquals(10000, ((VirtualBoxIsoConfig) b.own()).diskSize());
    }

    @Test
    void corpusTwoBuildersVirtualBoxPartIsAccepted() {
        assertEquals(List.of(), iso(ISO_BASE + ", \"name\": \"vbox\"}").errorTexts());
    }

    @Test
    void corpusMissingIsoIsRejected() {
        var r = iso("""
                {"type": "virtualbox-iso", "guest_os_type": "Debian_64", "iso_checksum": "none",
                 "ssh_username": "vagrant", "ssh_password": "vagrant", "shutdown_command": "sudo poweroff"}""");
        assertEquals(1, r.errors().size(), r.errorTexts()::toString);
        assertTrue(r.hasError("iso_url", "missing required key \"iso_url\""), r.errorTexts()::toString);
    }

    @Test
    void corpusVirtualBoxOvfIsAccepted() throws IOException {
        var r = ovf("");
        assertEquals(List.of(), r.errorTexts());
        assertEquals(List.of(), r.warningTexts());
        VirtualBoxBuilder<?> b = (VirtualBoxBuilder<?>) r.prepared();
        assertEquals("base.ovf", ((VirtualBoxOvfConfig) b.own()).sourcePath());
        assertNull(b.iso());
    }

    // --- iso --------------------------------------------------------------------------------------

    @Test
    void isoChecksumIsRequired() {
        var r = iso(ISO_BASE.replace("\"iso_checksum\": \"none\",", "") + "}");
        assertTrue(r.hasError("iso_checksum", "missing required key"), r.errorTexts()::toString);
        var bad = isoBase(", \"iso_checksum\": \"md5:123\"");
        assertTrue(bad.hasError("iso_checksum", "32 hex digits"), bad.errorTexts()::toString);
    }

    @Test
    void pcieIsAWarning() {
        var r = isoBase(", \"hard_drive_interface\": \"pcie\"");
        assertEquals(List.of(), r.errorTexts());
        assertTrue(r.hasWarning("hard_drive_interface", "EFI"), r.warningTexts()::toString);
    }

    @Test
    void guestAdditionsInterfaceIsIdeOrSata() {
        assertTrue(isoBase(", \"guest_additions_interface\": \"scsi\"").hasError("guest_additions_interface", "ide or sata"));
        assertEquals(List.of(), isoBase(", \"guest_additions_interface\": \"sata\"").errorTexts());
        var r = isoBase(", \"iso_interface\": \"sata\"");
        assertEquals("sata", ((VirtualBoxBuilder<?>) r.prepared()).common().effectiveGuestAdditionsInterface("sata"));
        assertTrue(isoBase(", \"guest_additions_sha256\": \"abc\"").hasError("guest_additions_sha256", "64 hex"));
    }

    // --- common -----------------------------------------------------------------------------------

    @Test
    void communicatorNoneNeedsNoUploads() {
        var r = isoBase(", \"communicator\": \"none\"");
        assertTrue(r.hasError("guest_additions_mode", "communicator is none"), r.errorTexts()::toString);
        assertTrue(r.hasError("virtualbox_version_file", "must be \"\""), r.errorTexts()::toString);
        assertEquals(List.of(), isoBase(", \"communicator\": \"none\", \"guest_additions_mode\": \"attach\","
                + " \"virtualbox_version_file\": \"\"").errorTexts());
    }

    @Test
    void missingSshUsernameIsRejected() throws IOException {
        var r = iso(ISO_BASE.replace("\"ssh_username\": \"vagrant\",", "") + "}");
        assertTrue(r.hasErrorContaining("missing required key \"ssh_username\""), r.errorTexts()::toString);
        assertTrue(isoBase(", \"communicator\": \"winrm\"").hasError("communicator", "winrm"));
    }

    @Test
    void rangesAndHttp() throws IOException {
        Files.createDirectories(dir.resolve("http"));
        var r = isoBase(", \"host_port_min\": 3000, \"host_port_max\": 2000, \"vrdp_port_min\": 7000,"
                + " \"http_port_max\": 10, \"http_directory\": \"http\", \"http_content\": {\"/x\": \"y\"},"
                + " \"http_interface\": \"eth0\", \"http_bind_address\": \"0.0.0.0\"");
        assertTrue(r.hasError("host_port_max", "lower than host_port_min"), r.errorTexts()::toString);
        assertTrue(r.hasError("vrdp_port_max", "lower than vrdp_port_min"), r.errorTexts()::toString);
        assertTrue(r.hasError("http_port_max", "lower than http_port_min"), r.errorTexts()::toString);
        assertTrue(r.hasError("http_content", "http_directory"), r.errorTexts()::toString);
        assertTrue(r.hasError("http_interface", "http_bind_address"), r.errorTexts()::toString);
        assertEquals(5, r.errors().size(), r.errorTexts()::toString);
    }

    @Test
    void bootCommandIsParsed() {
        var r = isoBase(", \"boot_command\": [\"<enter><tabb>\"]");
        assertTrue(r.hasError("boot_command[0]", "did you mean <tab>?"), r.errorTexts()::toString);
    }

    @Test
    void noShutdownCommandIsAWarning() {
        var r = iso(ISO_BASE.replace(",\n \"shutdown_command\": \"sudo poweroff\"", "") + "}");
        assertEquals(List.of(), r.errorTexts());
        assertTrue(r.warnings().stream().anyMatch(p -> p.message().contains("powered off hard")), r.warningTexts()::toString);
        var acpi = iso(ISO_BASE.replace(",\n \"shutdown_command\": \"sudo poweroff\"", "") + ", \"acpi_shutdown\": true}");
        assertTrue(acpi.warnings().stream().noneMatch(p -> p.message().contains("powered off hard")));
    }

    @Test
    void deprecatedNamesStillWork() {
        var r = isoBase(", \"ssh_host_port_min\": 3000, \"ssh_skip_nat_mapping\": true");
        assertEquals(List.of(), r.errorTexts());
        VirtualBoxCommonConfig c = ((VirtualBoxBuilder<?>) r.prepared()).common();
        assertEquals(3000, c.hostPortMin());
        assertTrue(c.skipNatMapping());
        assertTrue(r.hasWarning("ssh_host_port_min", "deprecated"), r.warningTexts()::toString);
    }

    // --- ovf --------------------------------------------------------------------------------------

    @Test
    void ovfSourceMustExistUnlessAUrl() throws IOException {
        var r = ovf(", \"source_path\": \"missing.ova\"");
        assertTrue(r.hasError("source_path", "does not exist"), r.errorTexts()::toString);
        assertEquals(List.of(), ovf(", \"source_path\": \"https://example.org/base.ova\"").errorTexts());
    }

    @Test
    void ovfChecksumIsOptionalButChecked() throws IOException {
        assertEquals(List.of(), ovf(", \"checksum\": \"sha256:" + "a".repeat(64) + "\"").errorTexts());
        assertTrue(ovf(", \"checksum\": \"sha256:abc\"").hasError("checksum", "64 hex digits"));
        var none = ovf(", \"checksum\": \"none\"");
        assertEquals(List.of(), none.errorTexts());
    }

    @Test
    void ovfImportArguments() throws IOException {
        var r = ovf(", \"import_flags\": [\"--eula\", \"accept\"], \"import_opts\": \"keepallmacs\"");
        VirtualBoxOvfConfig c = (VirtualBoxOvfConfig) ((VirtualBoxBuilder<?>) r.prepared()).own();
        assertEquals(List.of("--eula", "accept", "--options", "keepallmacs"), c.importArguments());
    }

    @Test
    void theBuildersSayTheyCannotBuildYet() throws IOException {
        for (Builder b : List.of(isoBase("").requireNoErrors().prepared(), ovf("").requireNoErrors().prepared())) {
            StepFailure f = assertThrows(StepFailure.class, () -> b.steps(null).get(0).run(null));
            assertTrue(f.getMessage().contains("cannot build yet"), f.getMessage());
        }
    }
}
