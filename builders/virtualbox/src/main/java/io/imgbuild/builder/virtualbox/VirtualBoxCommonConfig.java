package io.imgbuild.builder.virtualbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The options virtualbox-iso and virtualbox-ovf share (the {@code virtualbox-common} fragment and the
 * http, boot, shutdown, floppy, cd and output fragments it includes). Defaults come from the schema;
 * the communicator options are bound separately.
 */
public record VirtualBoxCommonConfig(
        String vmName, String format, List<String> exportOpts, String outputFilename, boolean keepRegistered,
        boolean skipExport, boolean headless, String vrdpBindAddress, int vrdpPortMin, int vrdpPortMax,
        Duration postShutdownDelay, boolean disableShutdown, boolean acpiShutdown, int hostPortMin, int hostPortMax,
        boolean skipNatMapping, List<List<String>> vboxmanage, List<List<String>> vboxmanagePost,
        String virtualboxVersionFile, String guestAdditionsMode, String guestAdditionsInterface,
        String guestAdditionsPath, String guestAdditionsUrl, String guestAdditionsSha256,
        // http fragment
        String httpDirectory, Map<String, String> httpContent, int httpPortMin, int httpPortMax,
        String httpBindAddress, String httpInterface,
        // boot fragment
        Duration bootWait, List<String> bootCommand, Duration bootKeygroupInterval,
        // shutdown fragment
        String shutdownCommand, Duration shutdownTimeout,
        // floppy and cd fragments
        List<String> floppyFiles, List<String> floppyDirs, String floppyLabel, List<String> cdFiles,
        Map<String, String> cdContent, String cdLabel,
        // output fragment
        String outputDirectory) {

    public VirtualBoxCommonConfig {
        exportOpts = exportOpts == null ? List.of() : List.copyOf(exportOpts);
        vboxmanage = vboxmanage == null ? List.of() : List.copyOf(vboxmanage);
        vboxmanagePost = vboxmanagePost == null ? List.of() : List.copyOf(vboxmanagePost);
        httpContent = httpContent == null ? Map.of() : Map.copyOf(httpContent);
        bootCommand = bootCommand == null ? List.of() : List.copyOf(bootCommand);
        floppyFiles = floppyFiles == null ? List.of() : List.copyOf(floppyFiles);
        floppyDirs = floppyDirs == null ? List.of() : List.copyOf(floppyDirs);
        cdFiles = cdFiles == null ? List.of() : List.copyOf(cdFiles);
        cdContent = cdContent == null ? Map.of() : Map.copyOf(cdContent);
    }

    /** The exported file's base name: output_filename, else vm_name. */
    public String exportName() {
        return outputFilename == null || outputFilename.isEmpty() ? vmName : outputFilename;
    }

    /** The Guest Additions CD's controller: guest_additions_interface, else the ISO's (ide for an import). */
    public String effectiveGuestAdditionsInterface(String isoInterface) {
        if (guestAdditionsInterface != null && !guestAdditionsInterface.isEmpty()) {
            return guestAdditionsInterface;
        }
        return isoInterface == null || isoInterface.isEmpty() ? "ide" : isoInterface;
    }
}
