package io.imgbuild.testkit.sim;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code imgbuild-sim}: local stand-ins for the cloud APIs that cannot run here, one subcommand each. */
@Command(name = "imgbuild-sim", mixinStandardHelpOptions = true, subcommands = {Ec2Command.class},
        description = "Runs a local simulator of a cloud API so templates can be rehearsed against it.")
public final class SimMain implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SimMain()).execute(args));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a simulator: ec2");
    }
}
