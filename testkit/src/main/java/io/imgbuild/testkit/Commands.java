package io.imgbuild.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Runs a short external command (ssh-keygen, useradd, ...) and captures its combined output. */
public final class Commands {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  public record Result(List<String> command, int exitCode, String output) {
    public boolean ok() {
      return exitCode == 0;
    }

    /** Returns the output, or throws with the command, exit code and output if it failed. */
    public String orThrow() throws IOException {
      if (!ok()) {
        throw new IOException(
            String.join(" ", command) + " exited with " + exitCode + (output.isBlank() ? "" : ":\n" + output.strip()));
      }
      return output;
    }
  }

  private Commands() {}

  public static Result run(List<String> command) throws IOException, InterruptedException {
    return run(command, null, DEFAULT_TIMEOUT);
  }

  /**
   * Runs {@code command} with {@code stdin} (may be null: empty input), waiting at most {@code timeout};
   * on timeout the process is killed and an IOException thrown.
   */
  public static Result run(List<String> command, String stdin, Duration timeout) throws IOException, InterruptedException {
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IOException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
    }
    CompletableFuture<String> output = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try {
        output.complete(readAll(process.getInputStream()));
      } catch (RuntimeException e) {
        output.completeExceptionally(e);
      }
    }, "imgbuild-testkit-command-output");
    reader.setDaemon(true);
    reader.start();
    try (OutputStream in = process.getOutputStream()) {
      if (stdin != null) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException ignored) {
      // the command did not read its input; its exit code tells what happened
    }
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      process.waitFor(5, TimeUnit.SECONDS);
      throw new IOException(String.join(" ", command) + " did not finish within " + timeout.toSeconds() + "s");
    }
    try {
      return new Result(List.copyOf(command), process.exitValue(), output.get(10, TimeUnit.SECONDS));
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IOException("cannot read the output of " + String.join(" ", command), e);
    }
  }

  /** Runs {@code command} and returns its output, or throws if it exits non-zero. */
  public static String check(List<String> command) throws IOException, InterruptedException {
    return run(command).orThrow();
  }

  private static String readAll(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
