package io.imgbuild.testkit.ssh;

import io.imgbuild.testkit.Commands;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Kills whole process trees without letting a forking child slip away. */
final class ProcessTree {

  private ProcessTree() {}

  /**
   * SIGKILLs {@code roots} and all their descendants, then waits (at most {@code timeout}) until they
   * are gone. The trees are first frozen with SIGSTOP, round after round until no new descendant shows
   * up, so a process forked while we look cannot be orphaned out of reach by its parent's death.
   *
   * @return the processes still alive after the timeout (empty normally)
   */
  static List<ProcessHandle> kill(Collection<ProcessHandle> roots, Duration timeout) throws InterruptedException {
    Set<ProcessHandle> frozen = new LinkedHashSet<>();
    for (int round = 0; round < 100; round++) {
      List<ProcessHandle> fresh = aliveTrees(roots).stream().filter(p -> !frozen.contains(p)).toList();
      if (fresh.isEmpty()) {
        break;
      }
      signal("STOP", fresh);
      frozen.addAll(fresh);
    }
    frozen.forEach(ProcessHandle::destroyForcibly);
    return awaitGone(frozen, timeout);
  }

  /** Roots and descendants, running ones only. */
  static List<ProcessHandle> aliveTrees(Collection<ProcessHandle> roots) {
    return roots.stream()
        .flatMap(root -> Stream.concat(Stream.of(root), root.descendants()))
        .filter(ProcessTree::running)
        .distinct()
        .collect(Collectors.toList());
  }

  /**
   * Alive and not a zombie. {@link ProcessHandle#isAlive()} is true for a zombie, a dead process whose
   * parent has not reaped it yet; one whose parent died waits for PID 1, and on some machines (this
   * project's VMs among them) PID 1 reaps late or never.
   */
  static boolean running(ProcessHandle p) {
    if (!p.isAlive()) {
      return false;
    }
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"), StandardCharsets.UTF_8);
      int end = stat.lastIndexOf(')'); // the command name, in parentheses, may hold anything
      return end < 0 || end + 2 >= stat.length() || stat.charAt(end + 2) != 'Z';
    } catch (IOException e) {
      return p.isAlive();
    }
  }

  /** Waits until none of {@code processes} is running; returns those still running at the timeout. */
  static List<ProcessHandle> awaitGone(Collection<ProcessHandle> processes, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<ProcessHandle> alive = new ArrayList<>(processes);
    while (true) {
      alive.removeIf(p -> !running(p));
      if (alive.isEmpty() || System.nanoTime() > deadline) {
        return alive;
      }
      Thread.sleep(10);
    }
  }

  /**
   * Processes whose environment holds exactly {@code entry} ("NAME=value"); ones whose environment
   * cannot be read (another user's, when not root) are not seen. Linux only.
   */
  static List<ProcessHandle> withEnvironmentEntry(String entry) {
    byte[] wanted = entry.getBytes(StandardCharsets.UTF_8);
    long self = ProcessHandle.current().pid();
    return ProcessHandle.allProcesses()
        .filter(p -> p.pid() != self && environHas(p.pid(), wanted) && running(p))
        .collect(Collectors.toList());
  }

  private static boolean environHas(long pid, byte[] wanted) {
    byte[] environ;
    try {
      environ = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ"));
    } catch (IOException | SecurityException e) {
      return false;
    }
    int start = 0;
    for (int i = 0; i <= environ.length; i++) {
      if (i == environ.length || environ[i] == 0) {
        if (i - start == wanted.length && java.util.Arrays.equals(environ, start, i, wanted, 0, wanted.length)) {
          return true;
        }
        start = i + 1;
      }
    }
    return false;
  }

  /** kill -s SIGNAL pid...; processes that are already gone are ignored. */
  private static void signal(String signal, Collection<ProcessHandle> processes) throws InterruptedException {
    List<String> command = new ArrayList<>(List.of("kill", "-s", signal, "--"));
    processes.forEach(p -> command.add(Long.toString(p.pid())));
    try {
      Commands.run(command, null, Duration.ofSeconds(10));
    } catch (IOException e) {
      // no kill(1): go on without freezing; SIGKILL still follows
    }
  }
}
