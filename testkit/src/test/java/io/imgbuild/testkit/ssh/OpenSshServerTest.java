package io.imgbuild.testkit.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The fixture against the real OpenSSH client (ssh, ssh-keygen, sshpass). */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OpenSshServerTest {

  @TempDir Path tmp;

  @Test
  void logsInWithEachAuthorizedKeyCheckingTheHostKey() throws Exception {
    try (OpenSshServer sshd = OpenSshServer.start()) {
      for (Path key : List.of(sshd.privateKey(), sshd.rsaPrivateKey(), sshd.rsaPrivateKeyPem())) {
        Run run = run(ssh(sshd, key, "echo hi; id -un"));
        assertEquals(0, run.exit, () -> key + ": " + run.output + "\n" + sshd.log());
        assertEquals("hi\n" + sshd.user() + "\n", run.output, key.toString());
      }
      assertEquals("600", mode(sshd.privateKey()));
      assertEquals("600", mode(sshd.rsaPrivateKey()));
      assertTrue(Files.readString(sshd.privateKey()).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----"));
      assertTrue(Files.readString(sshd.rsaPrivateKey()).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----"));
      assertTrue(Files.readString(sshd.rsaPrivateKeyPem()).startsWith("-----BEGIN RSA PRIVATE KEY-----"));
      assertTrue(sshd.log().contains("Accepted publickey for " + sshd.user()), sshd.log());

      Run home = run(ssh(sshd, sshd.privateKey(), "pwd"));
      assertEquals(sshd.homeDir().toRealPath().toString(), home.output.strip());
    }
  }

  @Test
  void hostKeyFingerprintIsWhatSshKeygenPrintsAndOtherHostKeysAreRefused() throws Exception {
    try (OpenSshServer a = OpenSshServer.start(); OpenSshServer b = OpenSshServer.start()) {
      Run keygen = run(List.of("ssh-keygen", "-lf", knownHosts(a).toString()));
      assertEquals(0, keygen.exit, keygen.output);
      assertTrue(keygen.output.matches("256 \\Q" + a.hostKeyFingerprintSha256() + "\\E \\S+ \\(ED25519\\)\\s*"),
          keygen.output + " vs " + a.hostKeyFingerprintSha256());
      assertTrue(a.knownHostsLine().startsWith("[127.0.0.1]:" + a.port() + " ssh-ed25519 AAAA"), a.knownHostsLine());

      // b's host key under a's name: the client must refuse
      Path wrong = tmp.resolve("wrong_known_hosts");
      Files.writeString(wrong, "[127.0.0.1]:" + a.port() + " " + b.hostPublicKey() + "\n");
      List<String> command = ssh(a, a.privateKey(), "true");
      command.set(command.indexOf("UserKnownHostsFile=" + knownHosts(a)), "UserKnownHostsFile=" + wrong);
      Run refused = run(command);
      assertEquals(255, refused.exit, refused.output);
      assertTrue(refused.output.contains("Host key verification failed"), refused.output);
    }
  }

  @Test
  void passwordLoginWithSshpass() throws Exception {
    assumeTrue(OpenSshServer.passwordLoginAvailable(), "password login needs root (to make the test user)");
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/sshpass")), "sshpass not installed (scripts/setup installs it)");
    try (OpenSshServer sshd = OpenSshServer.start()) {
      assertNotNull(sshd.password());
      Run ok = run(passwordSsh(sshd, "id -un"), Map.of("SSHPASS", sshd.password()));
      assertEquals(0, ok.exit, () -> ok.output + "\n" + sshd.log());
      assertEquals(sshd.user(), ok.output.strip());
      assertTrue(sshd.log().contains("Accepted password for " + sshd.user()), sshd.log());

      Run wrong = run(passwordSsh(sshd, "id -un"), Map.of("SSHPASS", "not-the-password"));
      assertNotEquals(0, wrong.exit, wrong.output);
    }
  }

  @Test
  void passwordAndKeyLoginCanEachBeTurnedOff() throws Exception {
    try (OpenSshServer noPassword = OpenSshServer.start(OpenSshServer.Options.defaults().withPasswordAuth(false))) {
      Run key = run(ssh(noPassword, noPassword.privateKey(), "true"));
      assertEquals(0, key.exit, key.output);
      if (Files.isExecutable(Path.of("/usr/bin/sshpass")) && noPassword.password() != null) {
        Run password = run(passwordSsh(noPassword, "true"), Map.of("SSHPASS", noPassword.password()));
        assertNotEquals(0, password.exit, password.output);
        assertTrue(password.output.contains("Permission denied (publickey)"), password.output);
      }
    }
    try (OpenSshServer noKeys = OpenSshServer.start(OpenSshServer.Options.defaults().withPubkeyAuth(false))) {
      Run key = run(ssh(noKeys, noKeys.privateKey(), "true"));
      assertEquals(255, key.exit, key.output);
      assertTrue(key.output.contains("Permission denied"), key.output);
    }
  }

  @Test
  void tcpForwardingFollowsTheOption() throws Exception {
    try (OpenSshServer open = OpenSshServer.start();
        OpenSshServer closed = OpenSshServer.start(OpenSshServer.Options.defaults().withAllowTcpForwarding(false))) {
      // ssh -W: stdio forwarded to a TCP port (the other server's), whose greeting comes back
      Run forwarded = run(sshW(open, closed.port()));
      assertTrue(forwarded.output.startsWith("SSH-2.0-OpenSSH"), forwarded.output);

      Run refused = run(sshW(closed, open.port()));
      assertEquals(255, refused.exit, refused.output);
      assertFalse(refused.output.contains("SSH-2.0-"), refused.output);
    }
  }

  @Test
  void extraConfigLinesReachSshdAndSetEnvIsMerged() throws Exception {
    OpenSshServer.Options options = OpenSshServer.Options.defaults()
        .withExtraConfig("SetEnv IMGBUILD_EXTRA=it-works", "Banner none", "Match User nobody", "  X11Forwarding no");
    try (OpenSshServer sshd = OpenSshServer.start(options)) {
      Run run = run(ssh(sshd, sshd.privateKey(), "echo $IMGBUILD_EXTRA; printenv IMGBUILD_TESTKIT_SSHD"));
      assertEquals(0, run.exit, run.output);
      assertEquals("it-works\n" + sshd.workDir().getFileName() + "\n", run.output);
    }
    assertThrows(IllegalArgumentException.class,
        () -> OpenSshServer.Options.defaults().withExtraConfig("Port 1\nPort 2"));
  }

  @Test
  void keysInTheExtraAuthorizedKeysFileLogInAndTheUsersOwnStillDo() throws Exception {
    Path key = tmp.resolve("instance_key");
    assertEquals(0, run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString())).exit);
    Path file;
    Path dir;
    try (OpenSshServer sshd = OpenSshServer.start(OpenSshServer.Options.defaults().withExtraAuthorizedKeysFile())) {
      file = sshd.extraAuthorizedKeysFile();
      dir = file.getParent();
      assertEquals("", Files.readString(file));
      assertEquals("644", mode(file));
      assertEquals(null, StrictModes.problem(file, uid(sshd), sshd.homeDir()));
      assertTrue(Files.readString(sshd.workDir().resolve("sshd_config")).contains(" " + file + "\n"));

      Run before = run(ssh(sshd, key, "true"));
      assertEquals(255, before.exit, before.output);
      assertTrue(before.output.contains("Permission denied"), before.output);

      Files.writeString(file, Files.readString(Path.of(key + ".pub")));
      Run after = run(ssh(sshd, key, "id -un"));
      assertEquals(0, after.exit, () -> after.output + "\n" + sshd.log());
      assertEquals(sshd.user() + "\n", after.output);
      Run own = run(ssh(sshd, sshd.privateKey(), "true"));
      assertEquals(0, own.exit, () -> own.output + "\n" + sshd.log());

      Files.writeString(file, "");
      Run removed = run(ssh(sshd, key, "true"));
      assertEquals(255, removed.exit, removed.output);
    }
    assertFalse(Files.exists(file), file + " left behind");
    assertFalse(Files.exists(dir), dir + " left behind");
  }

  @Test
  void anExtraAuthorizedKeysFileSshdWouldRefuseIsAClearError() throws Exception {
    Path belowTmp = Path.of("/tmp", "imgbuild-no-such-dir-" + System.nanoTime(), "authorized_keys");
    IOException e = assertThrows(IOException.class,
        () -> OpenSshServer.start(OpenSshServer.Options.defaults().withExtraAuthorizedKeysFile(belowTmp)));
    assertTrue(e.getMessage().contains("bad ownership or modes for directory /tmp (mode 1777 lets group or others write)"),
        e.getMessage());
    assertTrue(e.getMessage().contains("withExtraAuthorizedKeysFile()"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> OpenSshServer.Options.defaults().withExtraAuthorizedKeysFile(Path.of("relative/authorized_keys")));
    assertThrows(IllegalArgumentException.class,
        () -> OpenSshServer.Options.defaults().withExtraAuthorizedKeysFile(Path.of("/a b/authorized_keys")));
  }

  @Test
  void aTakenPortMeansAnotherTry() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int[] calls = {0};
      LoopbackPorts.PortSource ports = () -> calls[0]++ == 0 ? taken.getLocalPort() : LoopbackPorts.freePort();
      try (OpenSshServer sshd = OpenSshServer.start(OpenSshServer.Options.defaults(), ports)) {
        assertEquals(2, calls[0]);
        assertNotEquals(taken.getLocalPort(), sshd.port());
        Run run = run(ssh(sshd, sshd.privateKey(), "echo hi"));
        assertEquals("hi\n", run.output, run.output);
      }
    }
  }

  @Test
  void aStartFailureSaysWhatSshdSaid() throws Exception {
    IOException e = assertThrows(IOException.class,
        () -> OpenSshServer.start(OpenSshServer.Options.defaults().withExtraConfig("NoSuchKeyword yes")));
    assertTrue(e.getMessage().contains("Bad configuration option: NoSuchKeyword"), e.getMessage());
    assertTrue(e.getMessage().contains("--- sshd_config ---"), e.getMessage());
  }

  @Test
  void killSessionsDropsOpenSessionsAndTheListenerStaysUp() throws Exception {
    try (OpenSshServer sshd = OpenSshServer.start()) {
      assertEquals(List.of(), sshd.sessionProcesses());
      Process session = startSsh(ssh(sshd, sshd.privateKey(), "sleep 60"));
      ProcessHandle sleep = awaitRemote(sshd, "sleep", session);
      List<ProcessHandle> tree = trees(sshd.sessionProcesses());
      assertTrue(tree.contains(sleep), tree.toString());

      sshd.killSessions();

      assertTrue(session.waitFor(20, TimeUnit.SECONDS), "ssh still running after killSessions");
      assertEquals(255, session.exitValue(), output(session));
      assertEquals(List.of(), tree.stream().filter(ProcessTree::running).toList());
      assertEquals(List.of(), sshd.sessionProcesses());
      assertTrue(sshd.listenerProcess().isAlive());
      Run again = run(ssh(sshd, sshd.privateKey(), "echo again"));
      assertEquals("again\n", again.output, again.output + "\n" + sshd.log());
    }
  }

  @Test
  void stopListenerMakesThePortRefuseAndLeavesOpenSessionsToClose() throws Exception {
    OpenSshServer sshd = OpenSshServer.start();
    Process session;
    ProcessHandle listener;
    try {
      session = startSsh(ssh(sshd, sshd.privateKey(), "sleep 60"));
      awaitRemote(sshd, "sleep", session);
      listener = sshd.listenerProcess();

      sshd.stopListener();

      assertFalse(ProcessTree.running(listener));
      try (Socket socket = new Socket()) {
        assertThrows(ConnectException.class, () -> socket.connect(new InetSocketAddress(sshd.host(), sshd.port()), 5000));
      }
      Run refused = run(ssh(sshd, sshd.privateKey(), "true"));
      assertEquals(255, refused.exit, refused.output);
      assertTrue(refused.output.contains("Connection refused"), refused.output);
      assertTrue(session.isAlive(), "the open session should outlive the listener");
      assertEquals(1, sshd.sessionProcesses().size(), sshd.sessionProcesses().toString());
    } finally {
      sshd.close();
    }
    assertTrue(session.waitFor(20, TimeUnit.SECONDS), "ssh still running after close");
    assertEquals(255, session.exitValue());
  }

  @Test
  void twoServersRunAtOnce() throws Exception {
    try (OpenSshServer a = OpenSshServer.start(); OpenSshServer b = OpenSshServer.start()) {
      assertNotEquals(a.port(), b.port());
      assertNotEquals(a.hostKeyFingerprintSha256(), b.hostKeyFingerprintSha256());
      assertNotEquals(a.workDir(), b.workDir());
      for (OpenSshServer sshd : List.of(a, b)) {
        Run run = run(ssh(sshd, sshd.privateKey(), "echo hi; id -un"));
        assertEquals("hi\n" + sshd.user() + "\n", run.output, run.output + "\n" + sshd.log());
      }
    }
  }

  @Test
  void closeLeavesNoProcessAndNoFiles() throws Exception {
    OpenSshServer sshd = OpenSshServer.start();
    Path workDir = sshd.workDir();
    Process session = startSsh(ssh(sshd, sshd.privateKey(), "sleep 61"));
    awaitRemote(sshd, "sleep", session);
    // a process that leaves its session's process tree (setsid, double fork)
    Run detach = run(ssh(sshd, sshd.privateKey(), "setsid sleep 3107 </dev/null >/dev/null 2>&1 & echo started"));
    assertEquals("started\n", detach.output, detach.output);
    Set<Long> pids = new HashSet<>();
    pids.add(sshd.listenerProcess().pid());
    trees(sshd.sessionProcesses()).forEach(p -> pids.add(p.pid()));
    Optional<ProcessHandle> detached = awaitProcess(p -> commandLine(p).endsWith("/sleep 3107"));
    assertTrue(detached.isPresent(), "the detached sleep did not show up");
    pids.add(detached.get().pid());

    sshd.close();
    sshd.close(); // idempotent

    assertTrue(session.waitFor(20, TimeUnit.SECONDS), "ssh still running after close");
    assertEquals(255, session.exitValue());
    // zombies (dead, waiting for PID 1 to reap them) do not count
    List<String> left = ProcessHandle.allProcesses().filter(ProcessTree::running)
        .filter(p -> pids.contains(p.pid()) || commandLine(p).contains(workDir.toString())
            || commandLine(p).endsWith("/sleep 3107"))
        .map(p -> p.pid() + " " + commandLine(p))
        .toList();
    assertEquals(List.of(), left);
    assertFalse(Files.exists(workDir), workDir + " still there");
    try (Socket socket = new Socket()) {
      assertThrows(ConnectException.class, () -> socket.connect(new InetSocketAddress("127.0.0.1", sshd.port()), 5000));
    }
  }

  @Test
  void serversDieWithTheirJvmEvenWhenItIsKilled() throws Exception {
    // a normal exit: the shutdown hook closes the server
    ChildJvm exits = ChildJvm.start("exit");
    assertTrue(exits.process.waitFor(60, TimeUnit.SECONDS));
    assertGone(exits);
    assertFalse(Files.exists(exits.workDir), exits.workDir + " left behind");
    assertFalse(Files.exists(exits.extraKeysDir), exits.extraKeysDir + " left behind");

    assumeTrue(run(List.of("unshare", "--pid", "--fork", "--kill-child", "--", "true")).exit == 0,
        "sshd outlives a SIGKILLed JVM unless it runs in a PID namespace (needs root)");
    ChildJvm killed = ChildJvm.start("wait");
    killed.process.destroyForcibly(); // SIGKILL: no shutdown hook
    assertTrue(killed.process.waitFor(30, TimeUnit.SECONDS));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (ProcessHandle.of(killed.listenerPid).map(ProcessTree::running).orElse(false) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertGone(killed);
    long dirDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while ((Files.exists(killed.workDir) || Files.exists(killed.extraKeysDir)) && System.nanoTime() < dirDeadline) {
      Thread.sleep(20);
    }
    assertFalse(Files.exists(killed.workDir), killed.workDir + " left behind");
    assertFalse(Files.exists(killed.extraKeysDir), killed.extraKeysDir + " left behind");
  }

  private static void assertGone(ChildJvm child) throws Exception {
    assertFalse(ProcessHandle.of(child.listenerPid).map(ProcessTree::running).orElse(false),
        "sshd " + child.listenerPid + " is still alive");
    assertEquals(List.of(), ProcessHandle.allProcesses().filter(ProcessTree::running)
        .filter(p -> commandLine(p).contains(child.workDir.toString())).map(ProcessHandle::pid).toList());
    try (Socket socket = new Socket()) {
      assertThrows(ConnectException.class, () -> socket.connect(new InetSocketAddress("127.0.0.1", child.port), 5000));
    }
  }

  /** A JVM running {@link ChildMain}, which starts a server and then exits or waits. */
  private record ChildJvm(Process process, int port, long listenerPid, Path workDir, Path extraKeysDir) {
    static ChildJvm start(String mode) throws Exception {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
          ChildMain.class.getName(), mode).redirectErrorStream(true).start();
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      StringBuilder seen = new StringBuilder();
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        seen.append(line).append('\n');
        if (line.startsWith("READY ")) {
          String[] f = line.split(" ");
          return new ChildJvm(process, Integer.parseInt(f[1]), Long.parseLong(f[2]), Path.of(f[3]), Path.of(f[4]));
        }
      }
      throw new AssertionError("child JVM did not start a server:\n" + seen);
    }
  }

  /** Main class of the child JVMs. */
  public static final class ChildMain {
    public static void main(String[] args) throws Exception {
      // with an extra authorized_keys file: as root it lives outside the work directory
      OpenSshServer sshd = OpenSshServer.start(OpenSshServer.Options.defaults().withExtraAuthorizedKeysFile());
      System.out.println("READY " + sshd.port() + " " + sshd.listenerProcess().pid() + " " + sshd.workDir() + " "
          + sshd.extraAuthorizedKeysFile().getParent());
      System.out.flush();
      if (args[0].equals("wait")) {
        Thread.sleep(Long.MAX_VALUE);
      }
    }
  }

  // --- the real OpenSSH client ---

  private List<String> ssh(OpenSshServer sshd, Path key, String remoteCommand) throws IOException {
    List<String> command = new ArrayList<>(clientOptions(sshd));
    command.addAll(List.of("-o", "BatchMode=yes", "-i", key.toString(),
        sshd.user() + "@" + sshd.host(), remoteCommand));
    return command;
  }

  private List<String> passwordSsh(OpenSshServer sshd, String remoteCommand) throws IOException {
    List<String> command = new ArrayList<>(List.of("sshpass", "-e"));
    command.addAll(clientOptions(sshd));
    command.addAll(List.of("-o", "PreferredAuthentications=password", "-o", "PubkeyAuthentication=no",
        "-o", "NumberOfPasswordPrompts=1", sshd.user() + "@" + sshd.host(), remoteCommand));
    return command;
  }

  private List<String> sshW(OpenSshServer sshd, int targetPort) throws IOException {
    List<String> command = new ArrayList<>(clientOptions(sshd));
    command.addAll(List.of("-o", "BatchMode=yes", "-i", sshd.privateKey().toString(),
        "-W", "127.0.0.1:" + targetPort, sshd.user() + "@" + sshd.host()));
    return command;
  }

  private List<String> clientOptions(OpenSshServer sshd) throws IOException {
    return List.of("ssh", "-F", "/dev/null", "-p", Integer.toString(sshd.port()),
        "-o", "UserKnownHostsFile=" + knownHosts(sshd), "-o", "GlobalKnownHostsFile=/dev/null",
        "-o", "StrictHostKeyChecking=yes", "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none",
        "-o", "ConnectTimeout=10", "-o", "LogLevel=ERROR");
  }

  private Path knownHosts(OpenSshServer sshd) throws IOException {
    Path file = tmp.resolve("known_hosts_" + sshd.port());
    if (!Files.exists(file)) {
      Files.writeString(file, sshd.knownHostsLine() + "\n");
    }
    return file;
  }

  // --- processes ---

  private record Run(int exit, String output) {}

  private static Run run(List<String> command) throws Exception {
    return run(command, Map.of());
  }

  private static Run run(List<String> command, Map<String, String> env) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    builder.environment().putAll(env);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("timed out: " + command);
    }
    return new Run(process.exitValue(), output);
  }

  private static Process startSsh(List<String> command) throws IOException {
    Path out = Files.createTempFile("ssh-session", ".out");
    out.toFile().deleteOnExit();
    return new ProcessBuilder(command).redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .redirectOutput(out.toFile()).start();
  }

  private static String output(Process process) {
    return process.info().commandLine().orElse("ssh") + " (exit " + process.exitValue() + ")";
  }

  /** Waits for {@code name} to run under one of the server's sessions. */
  private static ProcessHandle awaitRemote(OpenSshServer sshd, String name, Process client) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      Optional<ProcessHandle> found = trees(sshd.sessionProcesses()).stream()
          .filter(p -> p.info().command().map(c -> c.endsWith("/" + name)).orElse(false))
          .findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      assertTrue(client.isAlive(), "ssh exited early: " + sshd.log());
      Thread.sleep(20);
    }
    throw new AssertionError(name + " did not start in a session; sshd log:\n" + sshd.log());
  }

  private static Optional<ProcessHandle> awaitProcess(java.util.function.Predicate<ProcessHandle> match)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      Optional<ProcessHandle> found = ProcessHandle.allProcesses().filter(match).findFirst();
      if (found.isPresent()) {
        return found;
      }
      Thread.sleep(20);
    }
    return Optional.empty();
  }

  private static List<ProcessHandle> trees(List<ProcessHandle> roots) {
    return roots.stream().flatMap(r -> Stream.concat(Stream.of(r), r.descendants())).collect(Collectors.toList());
  }

  private static String commandLine(ProcessHandle p) {
    return p.info().commandLine().orElse("");
  }

  private static int uid(OpenSshServer sshd) throws Exception {
    Run id = run(List.of("id", "-u", sshd.user()));
    assertEquals(0, id.exit, id.output);
    return Integer.parseInt(id.output.strip());
  }

  private static String mode(Path file) throws IOException {
    String perms = PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    int value = 0;
    for (char c : perms.toCharArray()) {
      value = value * 2 + (c == '-' ? 0 : 1);
    }
    return Integer.toOctalString(value);
  }

}
