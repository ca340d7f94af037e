package io.imgbuild.cli;

import io.imgbuild.core.interpolate.Functions;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code imgbuild version}. */
@Command(name = "version", mixinStandardHelpOptions = true, description = "Print imgbuild's version.")
final class VersionCommand implements Callable<Integer> {

    private final CliEnvironment env;

    @Option(names = {"-machine-readable", "--machine-readable"}, description = "Print Packer-style machine-readable lines.")
    boolean machineReadable;

    VersionCommand(CliEnvironment env) {
        this.env = env;
    }

    static String version() {
        Properties p = new Properties();
        try (InputStream in = VersionCommand.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // fall through to "unknown"
        }
        return p.getProperty("version", "unknown");
    }

    @Override
    public Integer call() {
        if (machineReadable) {
            long ts = Instant.now().getEpochSecond();
            env.out().println(ts + ",,version," + version());
            env.out().println(ts + ",,version-prerelease," + (version().endsWith("-SNAPSHOT") ? "dev" : ""));
            env.out().println(ts + ",,packer-compatibility," + Functions.PACKER_COMPAT_VERSION);
        } else {
            env.out().println("imgbuild " + version() + " (Packer " + Functions.PACKER_COMPAT_VERSION
                    + " JSON template language)");
        }
        return 0;
    }

    /** For {@code imgbuild --version}. */
    static final class Provider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"imgbuild " + version() + " (Packer " + Functions.PACKER_COMPAT_VERSION
                    + " JSON template language)"};
        }
    }
}
