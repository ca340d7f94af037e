package io.imgbuild.provisioner.file;

import java.util.ArrayList;
import java.util.List;

/** The file provisioner's options; defaults come from the schema. */
public record FileConfig(String source, List<String> sources, String content, String destination, String direction,
                         boolean generated) {

    public FileConfig {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /** source and sources merged, as Packer does (source first). */
    public List<String> allSources() {
        List<String> out = new ArrayList<>();
        if (source != null && !source.isEmpty()) {
            out.add(source);
        }
        out.addAll(sources);
        return out;
    }

    public boolean download() {
        return "download".equals(direction);
    }

    public boolean hasContent() {
        return content != null;
    }
}
