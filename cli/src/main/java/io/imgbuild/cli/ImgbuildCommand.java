package io.imgbuild.cli;

import picocli.CommandLine.Command;

/** The top command: only dispatches to subcommands. */
@Command(name = "imgbuild", mixinStandardHelpOptions = true, versionProvider = VersionCommand.Provider.class,
        description = "Builds identical machine images for many platforms from one Packer JSON template.",
        footer = {"", "Exit codes:",
            "  0    success",
            "  1    a build failed (validate: the template is invalid)",
            "  2    usage error",
            "  3    invalid template, var file or variable (build)",
            "  4    a cleanup failed: resources of the run may be left (the output says which)",
            "  130  interrupted (Ctrl-C or SIGTERM); cleanups ran",
            "", "Logging: IMGBUILD_LOG=1 (or PACKER_LOG=1) to stderr, IMGBUILD_LOG_PATH=FILE to a file."})
final class ImgbuildCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
