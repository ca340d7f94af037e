package io.imgbuild.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;

/**
 * Hidden: the launcher runs this once per Java and set of jars with
 * {@code -XX:ArchiveClassesAtExit} so the class-data-sharing archive holds what real commands load
 * (every schema, the validate path, a small build), not just what the first command happened to use.
 */
@Command(name = "cds-train", hidden = true, description = "Exercise the common paths for a class-data-sharing archive.")
final class CdsTrainingCommand implements Callable<Integer> {

    private static final String SMALL_BUILD = """
            {"variables": {"v": "x"},
             "builders": [{"type": "null", "name": "a", "communicator": "none"},
                          {"type": "file", "name": "b", "content": "{{user `v`}}", "target": "out/b.txt"}],
             "provisioners": [{"type": "shell-local", "inline": ["true"]}],
             "post-processors": [["checksum", {"type": "manifest", "output": "out/manifest.json"}],
                                 {"type": "shell-local", "inline": ["true"]}]}
            """;

    /** Loads the AWS SDK's request path (client, signing, marshalling, HTTP): nothing listens on port 9. */
    private static final String AMAZON_BUILD = """
            {"builders": [{"type": "amazon-ebs", "access_key": "AKIDCDSTRAINING", "secret_key": "none",
              "region": "us-east-1", "custom_endpoint_ec2": "http://127.0.0.1:9/", "max_retries": 0,
              "source_ami": "ami-0123456789abcdef0", "instance_type": "t3.micro", "communicator": "none",
              "ami_name": "cds training"}]}
            """;

    @Override
    public Integer call() throws IOException {
        Path dir = Files.createTempDirectory("imgbuild-cds");
        PrintStream sink = new PrintStream(OutputStream.nullOutputStream());
        CliEnvironment env = new CliEnvironment(dir, Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin")),
                InputStream.nullInputStream(), sink, sink, false);
        try {
            Files.writeString(dir.resolve("small.json"), SMALL_BUILD);
            try (InputStream in = CdsTrainingCommand.class.getResourceAsStream("cds-training-template.json")) {
                Files.write(dir.resolve("all.json"), in.readAllBytes());
            }
            Main.run(env, "validate", "all.json");
            Main.run(env, "inspect", "all.json");
            Main.run(env, "validate", "small.json");
            Main.run(env, "build", "small.json");
            Main.run(env, "build", "-machine-readable", "-force", "small.json");
            Files.writeString(dir.resolve("amazon.json"), AMAZON_BUILD);
            Main.run(env, "build", "amazon.json");
            Main.run(env, "version");
            return 0;
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
