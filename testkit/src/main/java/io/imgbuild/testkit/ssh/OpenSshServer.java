package io.imgbuild.testkit.ssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Debian's real OpenSSH server ({@code /usr/sbin/sshd -D -e -f CONFIG}) on {@code 127.0.0.1} and a
 * free port, for tests of the SSH communicator against the real thing.
 *
 * <pre>{@code
 * try (OpenSshServer sshd = OpenSshServer.start()) {
 *   // connect to sshd.host():sshd.port() as sshd.user() with sshd.privateKey() or sshd.password(),
 *   // checking the host key against sshd.hostKeyFingerprintSha256() or sshd.knownHostsLine()
 * }
 * }</pre>
 *
 * <p>As root (as in CI) the login user is {@code imgbuild-test}, a local account this class makes
 * once per machine, with a password and both client keys authorized. Not as root, it is the current
 * user, with key login only: {@link #password()} is null, so tests of password login should start with
 * {@code Assumptions.assumeTrue(OpenSshServer.passwordLoginAvailable())}.
 *
 * <p>With {@link Options#withExtraAuthorizedKeysFile()} sshd also accepts the keys listed in one more
 * file ({@link #extraAuthorizedKeysFile()}), made where sshd's StrictModes accepts it: never below
 * /tmp, whose mode 1777 makes sshd refuse every file under it ("bad ownership or modes for directory
 * /tmp"). As root it lives under the test user's home, not root's, since sshd reads it as that user.
 *
 * <p>Each server has its own work directory (host keys, sshd_config, log, copies of the client keys),
 * deleted by {@link #close()}, which also kills sshd and every process it started. Servers not closed
 * are closed by a JVM shutdown hook. Linux only.
 */
public final class OpenSshServer implements AutoCloseable {

  /** The sshd binary (Debian's openssh-server). */
  public static final String SSHD = "/usr/sbin/sshd";

  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
  private static final int START_ATTEMPTS = 5;
  private static final Set<OpenSshServer> LIVE = ConcurrentHashMap.newKeySet();
  private static final AtomicBoolean HOOK_INSTALLED = new AtomicBoolean();
  private static byte[][] cachedRsaHostKey; // {private, public}: made once per JVM, it takes a while

  /**
   * What the server allows. The defaults: password and key login, TCP forwarding allowed, no extra
   * config, no extra authorized_keys file.
   *
   * @param passwordAuth PasswordAuthentication; ignored (always no) when not running as root
   * @param pubkeyAuth PubkeyAuthentication
   * @param allowTcpForwarding AllowTcpForwarding
   * @param extraConfig sshd_config lines; they go before the defaults, so they win where sshd takes the
   *     first value (most keywords); lines from the first {@code Match} on go at the end; {@code SetEnv}
   *     lines are merged, and a {@code Subsystem sftp} line replaces the default one
   * @param extraAuthorizedKeys whether sshd also reads keys from one more authorized_keys file (see
   *     {@link OpenSshServer#extraAuthorizedKeysFile()})
   * @param extraAuthorizedKeysFile that file, or null for one the server makes where StrictModes accepts it
   */
  public record Options(boolean passwordAuth, boolean pubkeyAuth, boolean allowTcpForwarding, List<String> extraConfig,
      boolean extraAuthorizedKeys, Path extraAuthorizedKeysFile) {

    public Options {
      extraConfig = extraConfig == null ? List.of() : List.copyOf(extraConfig);
      for (String line : extraConfig) {
        if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
          throw new IllegalArgumentException("one sshd_config line per list element: " + line);
        }
      }
      if (extraAuthorizedKeysFile != null) {
        if (!extraAuthorizedKeysFile.isAbsolute()) {
          throw new IllegalArgumentException("the extra authorized_keys file must be an absolute path, not "
              + extraAuthorizedKeysFile);
        }
        if (extraAuthorizedKeysFile.toString().matches(".*[\\s%\"].*")) {
          // sshd splits AuthorizedKeysFile on spaces and expands %-tokens
          throw new IllegalArgumentException("the extra authorized_keys path may not hold spaces, quotes or %: "
              + extraAuthorizedKeysFile);
        }
        extraAuthorizedKeys = true;
      }
    }

    public static Options defaults() {
      return new Options(true, true, true, List.of(), false, null);
    }

    public Options withPasswordAuth(boolean value) {
      return new Options(value, pubkeyAuth, allowTcpForwarding, extraConfig, extraAuthorizedKeys, extraAuthorizedKeysFile);
    }

    public Options withPubkeyAuth(boolean value) {
      return new Options(passwordAuth, value, allowTcpForwarding, extraConfig, extraAuthorizedKeys, extraAuthorizedKeysFile);
    }

    public Options withAllowTcpForwarding(boolean value) {
      return new Options(passwordAuth, pubkeyAuth, value, extraConfig, extraAuthorizedKeys, extraAuthorizedKeysFile);
    }

    /** Replaces the extra config lines. */
    public Options withExtraConfig(List<String> lines) {
      return new Options(passwordAuth, pubkeyAuth, allowTcpForwarding, lines, extraAuthorizedKeys, extraAuthorizedKeysFile);
    }

    /** Adds extra config lines after the ones already there. */
    public Options withExtraConfig(String... lines) {
      List<String> all = new ArrayList<>(extraConfig);
      all.addAll(Arrays.asList(lines));
      return new Options(passwordAuth, pubkeyAuth, allowTcpForwarding, all, extraAuthorizedKeys, extraAuthorizedKeysFile);
    }

    /**
     * sshd also accepts the keys listed in a file the server makes, empty at first, where sshd's
     * StrictModes accepts it (see {@link OpenSshServer#extraAuthorizedKeysFile()}): what an
     * {@code Ec2Simulator} keeps listing its instances' key pairs.
     */
    public Options withExtraAuthorizedKeysFile() {
      return new Options(passwordAuth, pubkeyAuth, allowTcpForwarding, extraConfig, true, null);
    }

    /**
     * sshd also accepts the keys listed in {@code file} (absolute; it need not exist yet). StrictModes
     * must accept it: owned by root or the login user and not writable by group or others, and so
     * must every directory above it (up to the login user's home when it is inside it, else up to
     * {@code /}), so not below /tmp; {@link OpenSshServer#start(Options)} checks this and says which
     * directory is wrong. {@link #withExtraAuthorizedKeysFile()} picks such a place.
     */
    public Options withExtraAuthorizedKeysFile(Path file) {
      return new Options(passwordAuth, pubkeyAuth, allowTcpForwarding, extraConfig, true, Objects.requireNonNull(file));
    }
  }

  private final Options options;
  private final TestUser user;
  private final Path workDir;
  private final int port;
  private final SshdProcess sshd;
  private final String hostPublicKey;
  private final String rsaHostPublicKey;
  private final Path privateKey;
  private final Path rsaPrivateKey;
  private final Path rsaPrivateKeyPem;
  private final String markerEnv;
  private final ExtraAuthorizedKeys extraKeys;
  private final AtomicBoolean closed = new AtomicBoolean();

  private OpenSshServer(Options options, TestUser user, Path workDir, int port, SshdProcess sshd,
      Keys keys, String markerEnv, ExtraAuthorizedKeys extraKeys) {
    this.options = options;
    this.user = user;
    this.workDir = workDir;
    this.port = port;
    this.sshd = sshd;
    this.hostPublicKey = keys.hostPublicKey;
    this.rsaHostPublicKey = keys.rsaHostPublicKey;
    this.privateKey = keys.privateKey;
    this.rsaPrivateKey = keys.rsaPrivateKey;
    this.rsaPrivateKeyPem = keys.rsaPrivateKeyPem;
    this.markerEnv = markerEnv;
    this.extraKeys = extraKeys;
  }

  /** Starts a server with {@link Options#defaults()}. */
  public static OpenSshServer start() throws IOException, InterruptedException {
    return start(Options.defaults());
  }

  /**
   * Starts a server and returns once it greets on its port.
   *
   * @throws IOException if sshd is missing, does not start within 20s (the message holds its log), or
   *     the login user or keys cannot be set up
   */
  public static OpenSshServer start(Options options) throws IOException, InterruptedException {
    return start(options, LoopbackPorts::freePort);
  }

  /** {@link #start(Options)} taking its ports from {@code ports} (tests of the retry on a taken port). */
  static OpenSshServer start(Options options, LoopbackPorts.PortSource ports)
      throws IOException, InterruptedException {
    Objects.requireNonNull(options, "options");
    if (!Files.isExecutable(Path.of(SSHD))) {
      throw new IOException(SSHD + " not found: install openssh-server (scripts/setup does)");
    }
    installShutdownHook();
    TestUser user = TestUser.current();
    if (user.dedicated) {
      Path privsep = Path.of("/run/sshd"); // sshd's privilege separation directory, made by its init script
      if (!Files.isDirectory(privsep)) {
        Files.createDirectories(privsep);
        Files.setPosixFilePermissions(privsep, PosixFilePermissions.fromString("rwxr-xr-x"));
      }
    }
    Path workDir = Files.createTempDirectory(user.workBase(), "imgbuild-sshd-",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    ExtraAuthorizedKeys extraKeys = null;
    try {
      Keys keys = Keys.make(workDir, user);
      String markerEnv = "IMGBUILD_TESTKIT_SSHD=" + workDir.getFileName();
      extraKeys = ExtraAuthorizedKeys.prepare(options, user, workDir);
      String authorizedKeysFile = (user.dedicated ? ".ssh/authorized_keys" : keys.authorizedKeys.toString())
          + (extraKeys == null ? "" : " " + extraKeys.file);
      boolean passwordAuth = options.passwordAuth() && user.password != null;
      Path log = workDir.resolve("sshd.log");
      List<String> failures = new ArrayList<>();
      for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
        int port = ports.next();
        Path config = workDir.resolve("sshd_config");
        Files.writeString(config, SshdConfig.render(new SshdConfig.Params(port,
            keys.hostKey, keys.rsaHostKey, workDir.resolve("sshd.pid"), authorizedKeysFile, user.name,
            passwordAuth, markerEnv), options), StandardCharsets.UTF_8);
        Files.writeString(log, "", StandardCharsets.UTF_8);
        SshdProcess sshd = SshdProcess.start(workDir, extraKeys == null ? null : extraKeys.madeDir, config, log,
            markerEnv);
        String failure;
        try {
          failure = awaitListening(sshd, port, log);
        } catch (InterruptedException | RuntimeException e) {
          sshd.killAll();
          throw e;
        }
        if (failure == null) {
          OpenSshServer server = new OpenSshServer(options, user, workDir, port, sshd, keys, markerEnv, extraKeys);
          LIVE.add(server);
          return server;
        }
        sshd.killAll();
        String logText = Files.readString(log, StandardCharsets.UTF_8);
        failures.add("attempt " + attempt + " on port " + port + ": " + failure + "\n--- sshd log ---\n"
            + tail(logText, 60));
        if (!logText.contains("Address already in use")) {
          break;
        }
      }
      throw new IOException("sshd did not start (" + SSHD + " -D -e -f sshd_config):\n"
          + String.join("\n", failures) + "\n--- sshd_config ---\n"
          + Files.readString(workDir.resolve("sshd_config"), StandardCharsets.UTF_8));
    } catch (IOException | InterruptedException | RuntimeException e) {
      deleteRecursively(workDir);
      if (extraKeys != null) {
        extraKeys.delete();
      }
      throw e;
    }
  }

  /** Whether password login can be tested here (it needs root, to make the test user). */
  public static boolean passwordLoginAvailable() {
    return TestUser.runningAsRoot();
  }

  /** Null when sshd is listening on the port, else what went wrong. */
  private static String awaitListening(SshdProcess sshd, int port, Path log)
      throws IOException, InterruptedException {
    String listening = "Server listening on " + LoopbackPorts.HOST + " port " + port + ".";
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      String logText = Files.readString(log, StandardCharsets.UTF_8);
      if (sshd.exited(logText)) {
        return "sshd exited";
      }
      if (logText.contains(listening) && sshd.listener().isPresent()) {
        String greeting = LoopbackPorts.greeting(port);
        if (LoopbackPorts.isSshGreeting(greeting)) {
          // the probe made a per-connection child: let it go so sessionProcesses() starts empty
          ProcessTree.awaitGone(sshd.sessions(), Duration.ofSeconds(5));
          return null;
        }
      }
      Thread.sleep(20);
    }
    return "not greeting on port " + port + " after " + START_TIMEOUT.toSeconds() + "s";
  }

  /** {@code 127.0.0.1}. */
  public String host() {
    return LoopbackPorts.HOST;
  }

  public int port() {
    return port;
  }

  /** The login user: {@code imgbuild-test} as root, else the current user. */
  public String user() {
    return user.name;
  }

  /** The login user's password, or null when not running as root (no password login then). */
  public String password() {
    return user.password;
  }

  /** An ed25519 private key (OpenSSH format, no passphrase, mode 0600) authorized for {@link #user()}. */
  public Path privateKey() {
    return privateKey;
  }

  /** An RSA private key (OpenSSH format, no passphrase, mode 0600) authorized for {@link #user()}. */
  public Path rsaPrivateKey() {
    return rsaPrivateKey;
  }

  /** The same RSA key in the classic PEM format ({@code -----BEGIN RSA PRIVATE KEY-----}), mode 0600. */
  public Path rsaPrivateKeyPem() {
    return rsaPrivateKeyPem;
  }

  /**
   * The extra authorized_keys file sshd reads besides the user's own (see
   * {@link Options#withExtraAuthorizedKeysFile()}), or null without one. A file the server made is
   * removed by {@link #close()}; whoever writes it should keep mode 0644 (or 0600 owned by
   * {@link #user()}), since sshd reads it as that user.
   */
  public Path extraAuthorizedKeysFile() {
    return extraKeys == null ? null : extraKeys.file;
  }

  /** {@code SHA256:...} of the ed25519 host key, as {@code ssh-keygen -lf} prints it. */
  public String hostKeyFingerprintSha256() {
    return SshKeys.fingerprintSha256(hostPublicKey);
  }

  /** {@code SHA256:...} of the RSA host key. */
  public String rsaHostKeyFingerprintSha256() {
    return SshKeys.fingerprintSha256(rsaHostPublicKey);
  }

  /** The ed25519 host key, {@code ssh-ed25519 AAAA...}. */
  public String hostPublicKey() {
    return hostPublicKey;
  }

  /** The RSA host key, {@code ssh-rsa AAAA...}. */
  public String rsaHostPublicKey() {
    return rsaHostPublicKey;
  }

  /** {@code [127.0.0.1]:PORT ssh-ed25519 AAAA...}, a known_hosts line for OpenSSH clients. */
  public String knownHostsLine() {
    return "[" + host() + "]:" + port + " " + hostPublicKey;
  }

  /** The login user's home directory on this machine. */
  public Path homeDir() {
    return user.home;
  }

  /** sshd's stderr ({@code -e}, LogLevel VERBOSE); deleted by {@link #close()}. */
  public Path logFile() {
    return workDir.resolve("sshd.log");
  }

  /** The text of {@link #logFile()} so far, for assertion messages. */
  public String log() {
    try {
      return Files.readString(logFile(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(cannot read " + logFile() + ": " + e.getMessage() + ")";
    }
  }

  /** This server's directory: host keys, sshd_config, log, key copies. Deleted by {@link #close()}. */
  public Path workDir() {
    return workDir;
  }

  public Options options() {
    return options;
  }

  /** The listening sshd process. */
  public ProcessHandle listenerProcess() {
    return sshd.listener().orElseThrow();
  }

  /**
   * The per-connection sshd processes alive now (each the root of one connection's processes), those
   * left by {@link #stopListener()} included.
   */
  public List<ProcessHandle> sessionProcesses() {
    return sshd.sessions();
  }

  /** Whether a program of that name (say "sleep") runs now in one of the connections. */
  public boolean sessionRuns(String program) {
    return sessionProcesses().stream().flatMap(ProcessHandle::descendants)
        .anyMatch(p -> p.info().command().orElse("").endsWith("/" + program));
  }

  /**
   * SIGKILLs every connection's processes (the per-connection sshd and all below it, shells and
   * commands included), as a dropped connection; the listener stays up, and returns once they are gone.
   */
  public void killSessions() {
    try {
      List<ProcessHandle> left = ProcessTree.kill(sshd.sessions(), Duration.ofSeconds(10));
      if (!left.isEmpty()) {
        throw new IllegalStateException("session processes survived SIGKILL: " + pids(left));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Stops the listening sshd only (SIGTERM, SIGKILL if it lingers) and returns once the port refuses
   * connections. Open sessions go on until {@link #killSessions()} or {@link #close()}.
   */
  public void stopListener() {
    try {
      sshd.stopListener();
      if (!LoopbackPorts.awaitRefused(port, Duration.ofSeconds(10))) {
        throw new IllegalStateException("port " + port + " still accepts connections after stopping sshd");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Kills sshd and every process it started, and deletes the work directory. Idempotent.
   *
   * @throws IllegalStateException if some process survived SIGKILL
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    LIVE.remove(this);
    List<ProcessHandle> left = List.of();
    try {
      left = sshd.killAll();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      deleteRecursively(workDir);
      if (extraKeys != null) {
        try {
          extraKeys.delete();
        } catch (IOException e) {
          throw new UncheckedIOException("cannot delete " + extraKeys.madeDir, e);
        }
      }
    }
    if (!left.isEmpty()) {
      throw new IllegalStateException("sshd processes survived SIGKILL: " + pids(left));
    }
  }

  @Override
  public String toString() {
    return "OpenSshServer[" + user.name + "@" + host() + ":" + port + ", " + workDir + "]";
  }

  private static void installShutdownHook() {
    if (HOOK_INSTALLED.compareAndSet(false, true)) {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        for (OpenSshServer server : List.copyOf(LIVE)) {
          try {
            server.close();
          } catch (RuntimeException e) {
            System.err.println("imgbuild testkit: closing " + server + ": " + e.getMessage());
          }
        }
      }, "imgbuild-testkit-sshd-cleanup"));
    }
  }

  private static String pids(List<ProcessHandle> processes) {
    return processes.stream().map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList().toString();
  }

  private static String tail(String text, int lines) {
    String[] all = text.split("\n");
    return String.join("\n", Arrays.asList(all).subList(Math.max(0, all.length - lines), all.length));
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }

  /** The key files of one server, in its work directory. */
  private static final class Keys {
    Path hostKey;
    Path rsaHostKey;
    String hostPublicKey;
    String rsaHostPublicKey;
    Path privateKey;
    Path rsaPrivateKey;
    Path rsaPrivateKeyPem;
    /** Non-root only: the server's own authorized_keys file. */
    Path authorizedKeys;

    static Keys make(Path dir, TestUser user) throws IOException, InterruptedException {
      Keys k = new Keys();
      k.hostKey = dir.resolve("ssh_host_ed25519_key");
      SshKeys.generate(k.hostKey, "ed25519", 0, "imgbuild-testkit-host");
      k.hostPublicKey = SshKeys.readPublicKey(SshKeys.publicKeyFile(k.hostKey));
      k.rsaHostKey = dir.resolve("ssh_host_rsa_key");
      writeRsaHostKey(k.rsaHostKey);
      k.rsaHostPublicKey = SshKeys.readPublicKey(SshKeys.publicKeyFile(k.rsaHostKey));

      k.privateKey = dir.resolve("id_ed25519");
      k.rsaPrivateKey = dir.resolve("id_rsa");
      if (user.dedicated) {
        SshKeys.copyPrivateKey(user.ed25519Key, k.privateKey);
        SshKeys.copyPrivateKey(user.rsaKey, k.rsaPrivateKey);
      } else {
        SshKeys.generate(k.privateKey, "ed25519", 0, user.name + "@imgbuild-testkit");
        SshKeys.generate(k.rsaPrivateKey, "rsa", 3072, user.name + "@imgbuild-testkit");
        k.authorizedKeys = dir.resolve("authorized_keys");
        Files.writeString(k.authorizedKeys,
            SshKeys.readPublicKey(SshKeys.publicKeyFile(k.privateKey)) + " imgbuild-testkit ed25519\n"
                + SshKeys.readPublicKey(SshKeys.publicKeyFile(k.rsaPrivateKey)) + " imgbuild-testkit rsa\n",
            StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(k.authorizedKeys, PosixFilePermissions.fromString("rw-------"));
      }
      k.rsaPrivateKeyPem = dir.resolve("id_rsa.pem");
      SshKeys.copyPrivateKey(k.rsaPrivateKey, k.rsaPrivateKeyPem);
      SshKeys.convertToPem(k.rsaPrivateKeyPem);
      return k;
    }

    /** The RSA host key is made once per JVM (a second or so) and copied to each server. */
    private static void writeRsaHostKey(Path target) throws IOException, InterruptedException {
      byte[][] cached;
      synchronized (OpenSshServer.class) {
        if (cachedRsaHostKey == null) {
          SshKeys.generate(target, "rsa", 3072, "imgbuild-testkit-host");
          cachedRsaHostKey = new byte[][] {Files.readAllBytes(target),
              Files.readAllBytes(SshKeys.publicKeyFile(target))};
          return;
        }
        cached = cachedRsaHostKey;
      }
      Files.createFile(target, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.write(target, cached[0]);
      Files.write(SshKeys.publicKeyFile(target), cached[1]);
    }
  }
}
