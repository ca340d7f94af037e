package io.imgbuild.builder.qemu;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The qemu builder's options (its own keys and those of the http, boot, shutdown, floppy, cd and
 * output fragments); the ISO and communicator options are bound separately to
 * {@link io.imgbuild.core.iso.IsoConfig} and {@link io.imgbuild.core.communicator.CommunicatorConfig}.
 * Defaults come from the schema; sizes are kept as written ({@code disk_size} "40960M" or 20480).
 */
public record QemuConfig(
        String libvirtUri, String libvirtPool, boolean isoSkipCache, String accelerator, String machineType, String qemuBinary,
        int cpus, int memory, Object diskSize, List<String> diskAdditionalSize, String diskInterface, String diskCache,
        String diskDiscard, String diskDetectZeroes, boolean diskImage, boolean useBackingFile, boolean skipResizeDisk,
        String format, boolean skipCompaction, boolean diskCompression, Map<String, List<String>> qemuImgArgs,
        String netDevice, String netBridge, int hostPortMin, int hostPortMax, boolean skipNatMapping,
        boolean headless, String display, boolean useDefaultDisplay, boolean disableVnc, Duration bootKeyInterval,
        String vncBindAddress, int vncPortMin, int vncPortMax, boolean vncUsePassword, boolean qmpEnable,
        String qmpSocketPath, List<List<String>> qemuargs, String vmName, String cdromInterface,
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

    public QemuConfig {
        diskAdditionalSize = diskAdditionalSize == null ? List.of() : List.copyOf(diskAdditionalSize);
        qemuImgArgs = qemuImgArgs == null ? Map.of() : Map.copyOf(qemuImgArgs);
        qemuargs = qemuargs == null ? List.of() : List.copyOf(qemuargs);
        httpContent = httpContent == null ? Map.of() : Map.copyOf(httpContent);
        bootCommand = bootCommand == null ? List.of() : List.copyOf(bootCommand);
        floppyFiles = floppyFiles == null ? List.of() : List.copyOf(floppyFiles);
        floppyDirs = floppyDirs == null ? List.of() : List.copyOf(floppyDirs);
        cdFiles = cdFiles == null ? List.of() : List.copyOf(cdFiles);
        cdContent = cdContent == null ? Map.of() : Map.copyOf(cdContent);
    }

    /** Packer's normalisation: less than 10 MiB of memory means 512. */
    public int effectiveMemory() {
        return memory < 10 ? 512 : memory;
    }

    /** Packer's normalisation: fewer than one CPU means one. */
    public int effectiveCpus() {
        return Math.max(cpus, 1);
    }

    /** A raw image is never compacted. */
    public boolean effectiveSkipCompaction() {
        return skipCompaction || useBackingFile || "raw".equals(format);
    }

    /** A raw image is never compressed. */
    public boolean effectiveDiskCompression() {
        return diskCompression && !"raw".equals(format);
    }

    /** A bridge or a VNC password needs QMP. */
    public boolean effectiveQmpEnable() {
        return qmpEnable || vncUsePassword || (netBridge != null && !netBridge.isEmpty());
    }

    /** Whether the build serves files over HTTP to the guest. */
    public boolean httpServer() {
        return (httpDirectory != null && !httpDirectory.isEmpty()) || !httpContent.isEmpty();
    }
}
