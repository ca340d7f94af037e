package io.imgbuild.core.download;

import io.imgbuild.core.iso.Checksum;
import io.imgbuild.core.step.Cancellation;
import io.imgbuild.core.step.CancelledException;
import io.imgbuild.core.ui.BuildUi;
import io.imgbuild.core.util.Errors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A local file is used where it is, as Packer does, once reading it through has shown its checksum is right. */
final class LocalFileCheck {

    private LocalFileCheck() {
    }

    static Path verify(Source.Local source, Checksum expected, DownloadRequest request, BuildUi ui,
                       Cancellation cancel) throws SourceFailure, CancelledException {
        Path path = source.path();
        if (!Files.isRegularFile(path)) {
            throw new SourceFailure(Files.isDirectory(path) ? path + " is a directory, not a file"
                    : "the local file " + path + " does not exist (relative paths start in the directory imgbuild runs"
                    + " in; fix " + request.urlKey() + " or create the file first)");
        }
        if (expected.kind() == Checksum.Kind.HASH) {
            String actual;
            try {
                String label = "Verifying " + source.fileName();
                actual = HashingCopy.hashFile(path, expected.jdkAlgorithm(), ui, label, cancel);
            } catch (IOException e) {
                throw new SourceFailure("cannot read " + path + ": " + Errors.describe(e));
            }
            if (!actual.equals(expected.hash())) {
                throw new SourceFailure("the local file " + path + " does not match the checksum: expected "
                        + expected.algorithm() + " " + expected.hash() + ", got " + actual + "; the file changed or "
                        + request.checksumKey() + " is wrong");
            }
        }
        ui.message("Using the local " + request.description() + " in place: " + path);
        return path;
    }
}
