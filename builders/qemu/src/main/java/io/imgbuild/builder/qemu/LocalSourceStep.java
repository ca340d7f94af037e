package io.imgbuild.builder.qemu;

import io.imgbuild.core.iso.IsoConfig;
import io.imgbuild.core.step.Step;
import io.imgbuild.core.step.StepContext;
import io.imgbuild.core.step.StepFailure;
import java.nio.file.Files;
import java.nio.file.Path;

/** Uses a local ISO or disk image in place. (Remote sources are downloaded by the download step.) */
final class LocalSourceStep implements Step {

    private final Path source;
    private final String asWritten;

    LocalSourceStep(Path source, String asWritten) {
        this.source = source;
        this.asWritten = asWritten;
    }

    @Override
    public String name() {
        return "LocalSource";
    }

    @Override
    public void run(StepContext ctx) throws StepFailure {
        if (source == null || IsoConfig.isRemote(asWritten)) {
            throw new StepFailure("iso_url " + asWritten + " is remote; downloading is not built in yet: download it"
                    + " and give its local path");
        }
        if (!Files.isRegularFile(source)) {
            throw new StepFailure("iso_url " + asWritten + " does not exist (looked at " + source + ")");
        }
        ctx.state().put(QemuKeys.SOURCE, source);
    }
}
