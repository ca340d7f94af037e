package io.imgbuild.core.download;

import io.imgbuild.core.step.Key;
import java.nio.file.Path;

/** State keys of the download step. */
public final class DownloadKeys {

    /** The verified installation ISO (or disk image): in the cache, at iso_target_path, or the local file itself. */
    public static final Key<Path> ISO_PATH = new Key<>("iso_path");

    private DownloadKeys() {
    }
}
