package io.imgbuild.builder.virtualbox;

import io.imgbuild.core.boot.BootCommand;
import io.imgbuild.core.communicator.CommunicatorConfig;
import io.imgbuild.core.config.ComponentConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;

/** The checks virtualbox-iso and virtualbox-ovf share (module README, "Checks beyond the schema"). */
final class VirtualBoxChecks {

    private static final Set<String> GUEST_ADDITIONS_INTERFACES = Set.of("ide", "sata");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    private VirtualBoxChecks() {
    }

    /** Checks the communicator and the common options; {@code isoInterface} is null for virtualbox-ovf. */
    static void common(ComponentConfig config, CommunicatorConfig comm, VirtualBoxCommonConfig c, String isoInterface) {
        BootCommand.check(config);
        if (c == null) {
            return;
        }
        if (comm != null && comm.none()) {
            if ("upload".equals(c.guestAdditionsMode())) {
                config.error("guest_additions_mode", "guest_additions_mode upload needs a communicator to upload with,"
                        + " and communicator is none", "set guest_additions_mode to attach or disable");
            }
            if (c.virtualboxVersionFile() != null && !c.virtualboxVersionFile().isEmpty()) {
                config.error("virtualbox_version_file", "virtualbox_version_file must be \"\" when communicator is none"
                        + " (nothing can be uploaded)", "set \"virtualbox_version_file\": \"\"");
            }
        }
        range(config, "host_port", c.hostPortMin(), c.hostPortMax());
        range(config, "vrdp_port", c.vrdpPortMin(), c.vrdpPortMax());
        range(config, "http_port", c.httpPortMin(), c.httpPortMax());
        if (!c.httpContent().isEmpty() && c.httpDirectory() != null && !c.httpDirectory().isEmpty()) {
            config.error("http_content", "http_content and http_directory cannot be used together",
                    "serve files from http_directory, or give them inline in http_content, not both");
        }
        if (c.httpInterface() != null && !c.httpInterface().isEmpty() && config.isSet("http_bind_address")) {
            config.error("http_interface", "http_interface and http_bind_address cannot be used together",
                    "name the interface (http_interface) or the address (http_bind_address), not both");
        }
        String gaInterface = c.effectiveGuestAdditionsInterface(isoInterface);
        if (!GUEST_ADDITIONS_INTERFACES.contains(gaInterface)) {
            config.error("guest_additions_interface", "guest_additions_interface must be ide or sata, not \""
                    + gaInterface + "\"", "set guest_additions_interface to ide or sata");
        }
        if (c.guestAdditionsSha256() != null && !c.guestAdditionsSha256().isEmpty()
                && !SHA256.matcher(c.guestAdditionsSha256()).matches()) {
            config.error("guest_additions_sha256", "guest_additions_sha256 is not a SHA-256 checksum (64 hex digits)",
                    "give the checksum of the Guest Additions ISO, or remove it to have it looked up");
        }
        boolean noShutdown = c.shutdownCommand() == null || c.shutdownCommand().isEmpty();
        if (noShutdown && !c.disableShutdown() && !c.acpiShutdown()) {
            config.warning(null, "no shutdown_command: the machine will be powered off hard after provisioning, which"
                    + " may lose data not yet written to disk", "set shutdown_command, e.g. \"sudo shutdown -P now\"");
        }
        outputDirectory(config, c.outputDirectory());
    }

    static void range(ComponentConfig config, String prefix, int min, int max) {
        if (min > max) {
            config.error(prefix + "_max", prefix + "_max (" + max + ") is lower than " + prefix + "_min (" + min + ")",
                    "make " + prefix + "_min at most " + prefix + "_max");
        }
    }

    static void outputDirectory(ComponentConfig config, String dir) {
        if (dir == null || dir.isEmpty() || dir.contains("{{")) {
            return;
        }
        Path p = config.resolvePath(dir);
        if (Files.exists(p)) {
            config.warning("output_directory", "the output directory " + p + " already exists",
                    "the build will stop unless it is removed first or --force is given");
        }
    }

}
