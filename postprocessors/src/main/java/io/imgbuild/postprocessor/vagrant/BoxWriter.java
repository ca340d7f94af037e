package io.imgbuild.postprocessor.vagrant;

import io.imgbuild.core.fs.AtomicFile;
import io.imgbuild.core.step.CancelledException;
import io.imgbuild.core.step.Cancellation;
import io.imgbuild.core.ui.BuildUi;
import io.imgbuild.core.ui.ProgressBar;
import io.imgbuild.postprocessor.archive.Compression;
import io.imgbuild.postprocessor.archive.DigestingOutputStream;
import io.imgbuild.postprocessor.archive.TarWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a box in one streaming pass: every entry is read once, through tar, gzip (none at level 0)
 * and a SHA-256 digest, into a temporary file that becomes the box only when complete. A cancel or
 * failure leaves no file at the box's path.
 */
final class BoxWriter {

    /** The box as written: its size and SHA-256 (for the catalog) come from the same pass. */
    record Written(Path box, long bytes, String sha256) {
    }

    private BoxWriter() {
    }

    static Written write(Path target, boolean overwrite, int level, List<BoxEntry> entries, BuildUi ui,
                         Cancellation cancellation) throws IOException, CancelledException {
        long total = entries.stream().mapToLong(BoxEntry::size).sum();
        try (AtomicFile file = AtomicFile.create(target);
             ProgressBar bar = ui.progress("Writing " + target.getFileName(), total)) {
            DigestingOutputStream digest;
            try (OutputStream disk = new BufferedOutputStream(Files.newOutputStream(file.temp()), 1 << 20)) {
                digest = new DigestingOutputStream(disk);
                Compression compression = level == 0 ? Compression.NONE : Compression.GZIP;
                try (TarWriter tar = new TarWriter(compression.open(digest, level), cancellation)) {
                    for (BoxEntry e : entries) {
                        e.writeTo(tar, bar::advance);
                    }
                }
            }
            cancellation.throwIfCancelled();
            file.commit(overwrite);
            return new Written(file.target(), digest.bytes(), digest.sha256Hex());
        }
    }
}
