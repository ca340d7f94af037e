package io.imgbuild.builder.qemu;

import io.imgbuild.core.step.Step;
import io.imgbuild.core.step.StepContext;
import io.imgbuild.core.step.StepFailure;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Makes the output directory, refusing one that exists unless {@code -force} (then it is emptied, as
 * Packer does). A build that fails or is cancelled removes it again: an output directory that exists
 * after a build holds a finished image.
 */
final class PrepareOutputDirStep implements Step {

    private final Path dir;

    PrepareOutputDirStep(Path dir) {
        this.dir = dir;
    }

    @Override
    public String name() {
        return "PrepareOutputDir";
    }

    @Override
    public void run(StepContext ctx) throws Exception {
        if (Files.exists(dir)) {
            if (!ctx.build().force()) {
                throw new StepFailure("output directory " + dir + " already exists: remove it, run with -force to"
                        + " replace it, or set output_directory to another place");
            }
            ctx.ui().say("Deleting the previous output directory " + dir + " (-force)");
            CreateWorkDirStep.deleteTree(dir);
        }
        Files.createDirectories(dir);
        ctx.state().put(CREATED, Boolean.TRUE);
    }

    @Override
    public void cleanup(StepContext ctx) throws Exception {
        if (ctx.state().remove(CREATED).isPresent() && ctx.halted()) {
            ctx.ui().say("Deleting the output directory " + dir + " (the build did not finish)");
            CreateWorkDirStep.deleteTree(dir);
        }
    }

    private static final io.imgbuild.core.step.Key<Boolean> CREATED = new io.imgbuild.core.step.Key<>("qemu.outputDirCreated");
}
