package io.imgbuild.builder.qemu;

import io.imgbuild.core.boot.BootCommand;
import io.imgbuild.core.build.Builder;
import io.imgbuild.core.communicator.CommunicatorConfig;
import io.imgbuild.core.config.ComponentConfig;
import io.imgbuild.core.http.HttpServerSettings;
import io.imgbuild.core.iso.IsoConfig;
import io.imgbuild.core.json.JsonPath;
import io.imgbuild.core.plugin.BuilderPlugin;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code qemu} builder: checks a Packer qemu config at prepare time (see the module README,
 * "Checks beyond the schema").
 */
public final class QemuBuilderPlugin implements BuilderPlugin {

    private static final Pattern QEMU_IMG_SIZE = Pattern.compile("[0-9]+(\\.[0-9]+)?[bkKMGTPE]?");

    @Override
    public String type() {
        return "qemu";
    }

    @Override
    public Builder prepare(ComponentConfig config) {
        // Each group is bound on its own, so a value the schema rejected in one group does not stop
        // the checks of the others.
        CommunicatorConfig comm = config.bindChecked(CommunicatorConfig.class);
        if (comm != null) {
            comm.check(config, false);
        }
        QemuConfig c = config.bindChecked(QemuConfig.class);
        IsoConfig iso = config.bindChecked(IsoConfig.class);
        if (iso != null) {
            boolean skipCache = c != null && c.isoSkipCache();
            iso.check(config, !skipCache);
            if (skipCache && config.isSet("iso_checksum") && !"none".equalsIgnoreCase(iso.isoChecksum())) {
                config.warning("iso_checksum", "iso_checksum is not verified when iso_skip_cache is true",
                        "remove iso_skip_cache to have the ISO downloaded and verified");
            }
        }
        BootCommand.check(config);
        HttpServerSettings.check(config);
        HttpServerSettings http = config.bindChecked(HttpServerSettings.class);
        if (c != null) {
            checkDisk(config, c);
            checkRanges(config, c);
            checkHttp(config, c);
            if (c.disableVnc() && !c.bootCommand().isEmpty()) {
                config.error("boot_command", "a boot command cannot be typed when disable_vnc is true",
                        "remove boot_command, or set disable_vnc to false");
            }
            checkMedia(config, c);
            checkQemuArgs(config, c);
            checkOutputDirectory(config, c.outputDirectory());
        }
        if (c == null || iso == null || comm == null || http == null) {
            return null; // some value had the wrong type: the schema check reported it
        }
        return new QemuBuilder(c, iso, comm, http, config.renderer());
    }


    private static void checkDisk(ComponentConfig config, QemuConfig c) {
        if (c.useBackingFile() && !c.diskImage()) {
            config.error("use_backing_file", "use_backing_file needs disk_image: true",
                    "set disk_image to true (iso_url is then a disk image), or remove use_backing_file");
        }
        if (c.useBackingFile() && !"qcow2".equals(c.format())) {
            config.error("use_backing_file", "use_backing_file needs format qcow2, not " + c.format(),
                    "set format to qcow2, or remove use_backing_file");
        }
        if (c.skipResizeDisk() && !c.diskImage()) {
            config.error("skip_resize_disk", "skip_resize_disk needs disk_image: true",
                    "set disk_image to true, or remove skip_resize_disk");
        }
        if ("raw".equals(c.format()) && c.diskCompression()) {
            config.warning("disk_compression", "disk_compression has no effect with format raw",
                    "remove disk_compression, or use format qcow2");
        }
        for (int i = 0; i < c.diskAdditionalSize().size(); i++) {
            String size = c.diskAdditionalSize().get(i);
            if (!QEMU_IMG_SIZE.matcher(size).matches()) {
                config.error(JsonPath.ROOT.key("disk_additional_size").index(i), "\"" + size + "\" is not a disk size",
                        "write a number of bytes, or a number with a k, M, G or T suffix, e.g. 10G");
            }
        }
    }

    private static void checkRanges(ComponentConfig config, QemuConfig c) {
        range(config, "host_port", c.hostPortMin(), c.hostPortMax());
        range(config, "vnc_port", c.vncPortMin(), c.vncPortMax());
        range(config, "http_port", c.httpPortMin(), c.httpPortMax());
    }

    static void range(ComponentConfig config, String prefix, int min, int max) {
        if (min > max) {
            config.error(prefix + "_max", prefix + "_max (" + max + ") is lower than " + prefix + "_min (" + min + ")",
                    "make " + prefix + "_min at most " + prefix + "_max");
        }
    }

    private static void checkHttp(ComponentConfig config, QemuConfig c) {
        if (!c.httpContent().isEmpty() && c.httpDirectory() != null && !c.httpDirectory().isEmpty()) {
            config.error("http_content", "http_content and http_directory cannot be used together",
                    "serve files from http_directory, or give them inline in http_content, not both");
        }
        if (c.httpInterface() != null && !c.httpInterface().isEmpty() && config.isSet("http_bind_address")) {
            config.error("http_interface", "http_interface and http_bind_address cannot be used together",
                    "name the interface (http_interface) or the address (http_bind_address), not both");
        }
    }

    private static void checkMedia(ComponentConfig config, QemuConfig c) {
        if ((!c.cdFiles().isEmpty() || !c.cdContent().isEmpty()) && !onPath("xorriso")) {
            config.warning(c.cdFiles().isEmpty() ? "cd_content" : "cd_files", "making the CD image needs xorriso, which is"
                    + " not on the PATH", "install it (apt-get install xorriso) before building");
        }
        if ((!c.floppyFiles().isEmpty() || !c.floppyDirs().isEmpty()) && !onPath("mformat")) {
            config.warning(c.floppyFiles().isEmpty() ? "floppy_dirs" : "floppy_files", "making the floppy image needs"
                    + " mtools (mformat, mcopy), which is not on the PATH", "install it (apt-get install mtools) before building");
        }
        for (String key : c.cdContent().keySet()) {
            if (MediaFiles.contentTarget(key) == null) {
                config.error(JsonPath.ROOT.key("cd_content").key(key), "\"" + key + "\" is not a path inside the CD",
                        "use a relative path without \"..\", e.g. user-data or scripts/setup.sh");
            }
        }
        label(config, "cd_label", c.cdLabel(), CdImage.MAX_LABEL, "an ISO 9660 volume label");
        label(config, "floppy_label", c.floppyLabel(), FloppyImage.MAX_LABEL, "a FAT volume label");
        checkPatterns(config, "cd_files", c.cdFiles());
        checkPatterns(config, "floppy_files", c.floppyFiles());
        checkPatterns(config, "floppy_dirs", c.floppyDirs());
    }

    private static void label(ComponentConfig config, String key, String label, int max, String what) {
        if (label != null && label.length() > max) {
            config.error(key, "\"" + label + "\" has " + label.length() + " characters; " + what + " holds at most " + max,
                    "shorten it");
        }
    }

    private static void checkPatterns(ComponentConfig config, String key, List<String> entries) {
        for (int i = 0; i < entries.size(); i++) {
            String e = entries.get(i);
            if (!Globs.isPattern(e) || e.contains("{{")) {
                continue;
            }
            for (String segment : e.split("/")) {
                try {
                    if (Globs.isPattern(segment)) {
                        Globs.toRegex(segment);
                    }
                } catch (IllegalArgumentException bad) {
                    config.error(JsonPath.ROOT.key(key).index(i), bad.getMessage(), "close the [ ] class, or quote [ as \\[");
                    break;
                }
            }
        }
    }

    private static void checkQemuArgs(ComponentConfig config, QemuConfig c) {
        if (c.qemuargs().isEmpty()) {
            return;
        }
        List<QemuArgsMerge.Problem> problems;
        try {
            problems = QemuArgsMerge.check(c, config.workingDir()).problems();
        } catch (java.nio.file.InvalidPathException e) {
            return; // vm_name or output_directory is no path: reported on its own
        }
        for (QemuArgsMerge.Problem p : problems) {
            config.error(JsonPath.ROOT.key("qemuargs").index(p.index()), p.message(), p.hint());
        }
    }

    static void checkOutputDirectory(ComponentConfig config, String dir) {
        if (dir == null || dir.isEmpty() || dir.contains("{{")) {
            return;
        }
        Path p = config.resolvePath(dir);
        if (Files.exists(p)) {
            config.warning("output_directory", "the output directory " + p + " already exists",
                    "the build will stop unless it is removed first or --force is given");
        }
    }

    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            try {
                if (Files.isExecutable(Path.of(dir, program)) || Files.isExecutable(Path.of(dir, program + ".exe"))) {
                    return true;
                }
            } catch (java.nio.file.InvalidPathException e) {
                // a PATH entry that is not a directory name: skip it
            }
        }
        return false;
    }
}
