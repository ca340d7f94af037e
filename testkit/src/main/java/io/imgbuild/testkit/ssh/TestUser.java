package io.imgbuild.testkit.ssh;

import io.imgbuild.testkit.Commands;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The account the test sshd lets in.
 *
 * <p>As root: a dedicated local user {@value #NAME} with password {@value #PASSWORD}, made once per
 * machine (useradd, chpasswd), whose {@code ~/.ssh/authorized_keys} lists the two client keys kept in
 * its {@code ~/.ssh} ({@code id_ed25519}, {@code id_rsa}). Creation is serialized across JVMs with a
 * file lock, and repeated (idempotently) once per JVM.
 *
 * <p>Not root: the current user, key login only; its own {@code ~/.ssh} is left alone (each server
 * makes its own keys and authorized_keys file in its work directory).
 */
final class TestUser {

  static final String NAME = "imgbuild-test";
  static final String PASSWORD = "imgbuild-test-password";

  private static TestUser current;

  final String name;
  /** Null when not root (no password login). */
  final String password;
  final Path home;
  final boolean dedicated;
  /** The authorized client keys (root), or null: make per-server keys. */
  final Path ed25519Key;
  final Path rsaKey;

  private TestUser(String name, String password, Path home, boolean dedicated, Path ed25519Key, Path rsaKey) {
    this.name = name;
    this.password = password;
    this.home = home;
    this.dedicated = dedicated;
    this.ed25519Key = ed25519Key;
    this.rsaKey = rsaKey;
  }

  /** The numeric user ID, for the ownership checks sshd makes ({@link StrictModes}). */
  int uid() throws IOException, InterruptedException {
    return Integer.parseInt(Commands.check(List.of("id", "-u", name)).strip());
  }

  static boolean runningAsRoot() {
    try {
      return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }

  static synchronized TestUser current() throws IOException, InterruptedException {
    if (current == null) {
      current = runningAsRoot() ? ensureDedicatedUser() : currentUser();
    }
    return current;
  }

  /**
   * Where a server's work directory goes. sshd's StrictModes wants every directory above a non-root
   * user's authorized_keys file to be unwritable by others, so not under /tmp for the current-user case.
   */
  Path workBase() throws IOException {
    if (dedicated) {
      return Path.of(System.getProperty("java.io.tmpdir"));
    }
    String runtime = System.getenv("XDG_RUNTIME_DIR");
    if (runtime != null && !runtime.isBlank() && Files.isDirectory(Path.of(runtime))
        && Files.isWritable(Path.of(runtime))) {
      return Path.of(runtime);
    }
    Path base = home.resolve(".cache/imgbuild-testkit");
    Files.createDirectories(base);
    Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwx------"));
    return base;
  }

  private static TestUser currentUser() throws IOException, InterruptedException {
    String name = Commands.check(List.of("id", "-un")).strip();
    return new TestUser(name, null, Path.of(System.getProperty("user.home")), false, null, null);
  }

  private static TestUser ensureDedicatedUser() throws IOException, InterruptedException {
    Path lockFile = Path.of(System.getProperty("java.io.tmpdir"), "imgbuild-testkit-ssh-user.lock");
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock ignored = channel.lock()) {
      if (!Commands.run(List.of("getent", "passwd", NAME)).ok()) {
        Commands.Result added = Commands.run(List.of(
            "useradd", "--create-home", "--shell", "/bin/bash",
            "--comment", "imgbuild tests (loopback sshd only)", NAME));
        if (!added.ok() && added.exitCode() != 9) { // 9: already exists
          added.orThrow();
        }
      }
      Path home = Path.of(passwdEntry()[5]);
      Commands.run(List.of("chpasswd"), NAME + ":" + PASSWORD + "\n", Duration.ofSeconds(30)).orThrow();

      UserPrincipalLookupService lookup = home.getFileSystem().getUserPrincipalLookupService();
      UserPrincipal owner = lookup.lookupPrincipalByName(NAME);
      GroupPrincipal group = lookup.lookupPrincipalByGroupName(Commands.check(List.of("id", "-gn", NAME)).strip());

      Files.createDirectories(home);
      ownAndChmod(home, owner, group, null); // keep its mode unless others may write (StrictModes)
      Path ssh = home.resolve(".ssh");
      Files.createDirectories(ssh);
      ownAndChmod(ssh, owner, group, "rwx------");

      Path ed25519 = ssh.resolve("id_ed25519");
      Path rsa = ssh.resolve("id_rsa");
      ensureKey(ed25519, "ed25519", 0, owner, group);
      ensureKey(rsa, "rsa", 3072, owner, group);
      String authorized = SshKeys.readPublicKey(SshKeys.publicKeyFile(ed25519)) + " imgbuild-testkit ed25519\n"
          + SshKeys.readPublicKey(SshKeys.publicKeyFile(rsa)) + " imgbuild-testkit rsa\n";
      Path authorizedKeys = ssh.resolve("authorized_keys");
      if (!Files.exists(authorizedKeys)
          || !Files.readString(authorizedKeys, StandardCharsets.UTF_8).equals(authorized)) {
        Path tmp = Files.createTempFile(ssh, "authorized_keys", ".tmp");
        Files.writeString(tmp, authorized, StandardCharsets.UTF_8);
        ownAndChmod(tmp, owner, group, "rw-------");
        Files.move(tmp, authorizedKeys, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
      ownAndChmod(authorizedKeys, owner, group, "rw-------");
      return new TestUser(NAME, PASSWORD, home, true, ed25519, rsa);
    }
  }

  private static String[] passwdEntry() throws IOException, InterruptedException {
    String[] fields = Commands.check(List.of("getent", "passwd", NAME)).strip().split(":", -1);
    if (fields.length < 7 || fields[5].isEmpty()) {
      throw new IOException("unexpected passwd entry for " + NAME + ": " + String.join(":", fields));
    }
    return fields;
  }

  private static void ensureKey(Path key, String type, int bits, UserPrincipal owner, GroupPrincipal group)
      throws IOException, InterruptedException {
    Path pub = SshKeys.publicKeyFile(key);
    boolean usable = Files.isRegularFile(key) && Files.isRegularFile(pub)
        && Commands.run(List.of("ssh-keygen", "-y", "-P", "", "-f", key.toString())).ok();
    if (!usable) {
      SshKeys.generate(key, type, bits, NAME + "@imgbuild-testkit");
    }
    ownAndChmod(key, owner, group, "rw-------");
    ownAndChmod(pub, owner, group, "rw-r--r--");
  }

  /** Sets owner and group, and the mode (or, when null, just clears group/other write). */
  private static void ownAndChmod(Path path, UserPrincipal owner, GroupPrincipal group, String mode)
      throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
    view.setOwner(owner);
    view.setGroup(group);
    if (mode != null) {
      view.setPermissions(PosixFilePermissions.fromString(mode));
    } else {
      Set<PosixFilePermission> permissions = view.readAttributes().permissions();
      if (permissions.remove(PosixFilePermission.GROUP_WRITE) | permissions.remove(PosixFilePermission.OTHERS_WRITE)) {
        view.setPermissions(permissions);
      }
    }
  }
}
