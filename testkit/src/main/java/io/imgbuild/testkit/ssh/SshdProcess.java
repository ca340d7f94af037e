package io.imgbuild.testkit.ssh;

import io.imgbuild.testkit.Commands;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One running {@code sshd -D -e -f CONFIG} and the processes it makes.
 *
 * <p>When it may (root, or CAP_SYS_ADMIN), it runs sshd in a PID namespace of its own:
 * {@code unshare --pid --fork --kill-child bash -c '(sshd ...) & while read; do :; done'}. The bash is
 * the namespace's init, so it reaps every orphan at once (no zombies, even where the machine's PID 1
 * reaps late or never, as on this project's VMs); killing it makes the kernel kill everything left in
 * the namespace, daemonized session processes included; and it exits when its stdin, a pipe from this
 * JVM, closes, so even a JVM killed with SIGKILL leaves no sshd (nor work directory) behind.
 *
 * <p>Otherwise sshd is a plain child of the JVM and {@link #killAll} kills what it can find: the trees
 * under the listener and under sessions left by {@link #stopListener}, and the processes carrying the
 * server's marker environment variable.
 */
final class SshdProcess {

  /** System property: set to {@code false} to never use a PID namespace. */
  static final String PID_NAMESPACE_PROPERTY = "imgbuild.testkit.sshd.pidNamespace";

  static final String EXIT_MARK = "imgbuild-testkit: sshd exited with status";

  /**
   * The namespace's init: $1 sshd, $2 its config, $3 the work directory, $4 another directory to
   * remove (may be empty). Left running until killed; should its stdin close first (the JVM died), it
   * deletes those directories and exits, and the kernel kills the rest of the namespace.
   */
  private static final String INIT_SCRIPT = "(\"$1\" -D -e -f \"$2\" </dev/null; echo \"" + EXIT_MARK + " $?\") &\n"
      + "while read -r _; do :; done\n"
      + "rm -rf -- \"$3\"\n"
      + "if [ -n \"$4\" ]; then rm -rf -- \"$4\"; fi\n";

  private static volatile Boolean namespacesWork;

  private final Process process;
  private final boolean namespaced;
  private final String markerEnv;
  private volatile ProcessHandle listener;
  private final List<ProcessHandle> orphanedSessions = new java.util.concurrent.CopyOnWriteArrayList<>();

  private SshdProcess(Process process, boolean namespaced, String markerEnv) {
    this.process = process;
    this.namespaced = namespaced;
    this.markerEnv = markerEnv;
    if (!namespaced) {
      listener = process.toHandle();
    }
  }

  /** @param alsoRemove a directory the namespace's init removes with the work directory, or null */
  static SshdProcess start(Path workDir, Path alsoRemove, Path config, Path log, String markerEnv)
      throws IOException, InterruptedException {
    boolean namespaced = namespacesWork();
    List<String> command = namespaced
        ? List.of("unshare", "--pid", "--fork", "--kill-child", "--",
            "/bin/bash", "-c", INIT_SCRIPT, "imgbuild-sshd-init", OpenSshServer.SSHD, config.toString(),
            workDir.toString(), alsoRemove == null ? "" : alsoRemove.toString())
        : List.of(OpenSshServer.SSHD, "-D", "-e", "-f", config.toString());
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    if (!namespaced) {
      builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    }
    // namespaced: stdin stays a pipe from this JVM, held open until killAll
    return new SshdProcess(builder.start(), namespaced, markerEnv);
  }

  /** True once sshd has exited (or, namespaced, its init has), as far as can be seen from here. */
  boolean exited(String logText) {
    if (!process.isAlive()) {
      return true;
    }
    return namespaced && logText.contains(EXIT_MARK);
  }

  /** The listening sshd, once it can be seen. */
  Optional<ProcessHandle> listener() {
    ProcessHandle l = listener;
    if (l == null) {
      l = process.toHandle().descendants()
          .filter(p -> isSshd(p) && p.parent().map(parent -> !isSshd(parent)).orElse(true))
          .findFirst()
          .orElse(null);
      listener = l;
    }
    return Optional.ofNullable(l);
  }

  /** The per-connection children of the listener, and those left running by {@link #stopListener}. */
  List<ProcessHandle> sessions() {
    List<ProcessHandle> sessions = new ArrayList<>();
    listener().filter(ProcessTree::running).ifPresent(l -> l.children().filter(ProcessTree::running)
        .forEach(sessions::add));
    orphanedSessions.stream().filter(ProcessTree::running).forEach(sessions::add);
    return sessions;
  }

  /** Stops the listener (SIGTERM, then SIGKILL after 5s); open sessions go on running. */
  void stopListener() throws InterruptedException {
    Optional<ProcessHandle> l = listener();
    if (l.isEmpty() || !ProcessTree.running(l.get())) {
      return;
    }
    orphanedSessions.addAll(l.get().children().filter(ProcessTree::running).toList());
    l.get().destroy();
    if (!ProcessTree.awaitGone(List.of(l.get()), Duration.ofSeconds(5)).isEmpty()) {
      l.get().destroyForcibly();
      ProcessTree.awaitGone(List.of(l.get()), Duration.ofSeconds(5));
    }
  }

  /** Kills sshd and everything it started; returns what could not be killed (empty normally). */
  List<ProcessHandle> killAll() throws InterruptedException {
    List<ProcessHandle> left = new ArrayList<>();
    if (namespaced) {
      // SIGKILL of the namespace's init: the kernel kills and reaps everything inside
      process.toHandle().children().forEach(ProcessHandle::destroyForcibly);
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        left.addAll(ProcessTree.kill(List.of(process.toHandle()), Duration.ofSeconds(10)));
      }
    } else {
      List<ProcessHandle> roots = new ArrayList<>(orphanedSessions);
      roots.add(process.toHandle());
      left.addAll(ProcessTree.kill(roots, Duration.ofSeconds(10)));
      left.addAll(ProcessTree.kill(ProcessTree.withEnvironmentEntry(markerEnv), Duration.ofSeconds(10)));
    }
    closeQuietly();
    if (process.isAlive()) {
      left.add(process.toHandle());
    }
    return left;
  }

  private void closeQuietly() throws InterruptedException {
    try {
      process.getOutputStream().close();
    } catch (IOException ignored) {
      // already closed
    }
    process.waitFor(5, TimeUnit.SECONDS);
  }

  private static boolean isSshd(ProcessHandle p) {
    return p.info().command().map(c -> c.equals(OpenSshServer.SSHD) || c.endsWith("/sshd-session")).orElse(false);
  }

  /** Whether {@code unshare --pid} works here (root with CAP_SYS_ADMIN, util-linux installed). */
  private static boolean namespacesWork() throws InterruptedException {
    Boolean works = namespacesWork;
    if (works == null) {
      if ("false".equalsIgnoreCase(System.getProperty(PID_NAMESPACE_PROPERTY))) {
        works = false;
      } else {
        try {
          works = Commands.run(List.of("unshare", "--pid", "--fork", "--kill-child", "--", "true"), null,
              Duration.ofSeconds(10)).ok();
        } catch (IOException e) {
          works = false;
        }
      }
      namespacesWork = works;
    }
    return works;
  }
}
