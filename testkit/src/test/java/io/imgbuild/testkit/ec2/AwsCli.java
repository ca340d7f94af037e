package io.imgbuild.testkit.ec2;

import io.imgbuild.core.util.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * Debian's awscli ({@code /usr/bin/aws}; another {@code aws} may come first on PATH) pointed at a
 * simulator with fake credentials and a config file of its own, so nothing of the user's is read.
 */
final class AwsCli implements AutoCloseable {

  static final Path AWS = Path.of("/usr/bin/aws");

  record Result(int exitCode, String stdout, String stderr) {
    JsonNode json() {
      return Json.MAPPER.readTree(stdout);
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\nstdout: " + stdout + "\nstderr: " + stderr;
    }
  }

  private final String endpoint;
  private final Path home;

  AwsCli(String endpoint) throws IOException {
    this.endpoint = endpoint;
    this.home = Files.createTempDirectory("imgbuild-awscli-");
    Files.writeString(home.resolve("config"), "[default]\nregion = us-east-1\noutput = json\n");
  }

  /** Runs {@code aws --endpoint-url <endpoint> ec2 <args>}. */
  Result ec2(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(AWS.toString(), "--endpoint-url", endpoint, "ec2"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.startsWith("AWS_"));
    env.put("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
    env.put("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    env.put("AWS_CONFIG_FILE", home.resolve("config").toString());
    env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
    env.put("AWS_PAGER", "");
    env.put("HOME", home.toString());
    Path out = home.resolve("stdout");
    Path err = home.resolve("stderr");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new IOException("aws " + String.join(" ", args) + " did not finish within 120 s");
    }
    return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  /** Runs the command and returns its JSON output, failing with the CLI's output unless it exits 0. */
  JsonNode ok(String... args) throws IOException, InterruptedException {
    Result result = ec2(args);
    if (result.exitCode() != 0) {
      throw new AssertionError("aws ec2 " + String.join(" ", args) + " failed: " + result);
    }
    return result.stdout().isBlank() ? Json.MAPPER.createObjectNode() : result.json();
  }

  @Override
  public void close() throws IOException {
    try (Stream<Path> files = Files.walk(home)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
