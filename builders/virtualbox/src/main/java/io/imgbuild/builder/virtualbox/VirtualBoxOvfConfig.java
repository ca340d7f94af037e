package io.imgbuild.builder.virtualbox;

import java.util.ArrayList;
import java.util.List;

/** The options only virtualbox-ovf has. */
public record VirtualBoxOvfConfig(String sourcePath, String checksum, String targetPath, List<String> importFlags,
                                  String importOpts) {

    public VirtualBoxOvfConfig {
        importFlags = importFlags == null ? List.of() : List.copyOf(importFlags);
    }

    /** The arguments for VBoxManage import: import_flags, then {@code --options <import_opts>}. */
    public List<String> importArguments() {
        List<String> args = new ArrayList<>(importFlags);
        if (importOpts != null && !importOpts.isEmpty()) {
            args.add("--options");
            args.add(importOpts);
        }
        return args;
    }
}
