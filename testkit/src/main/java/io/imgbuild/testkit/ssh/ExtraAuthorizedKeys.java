package io.imgbuild.testkit.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The one extra authorized_keys file a server may read (what an EC2 simulator keeps listing its
 * instances' keys): either the caller's, checked against StrictModes, or one made here.
 *
 * <p>Where a made file goes: sshd's StrictModes refuses a file below a directory that group or others
 * may write, such as /tmp, where the dedicated test user's server keeps its work directory. So as
 * root it goes to {@code ~imgbuild-test/.imgbuild-testkit/<work dir name>/authorized_keys} (the
 * directories root's, mode 0755, so the user sshd reads it as can; StrictModes stops at the home
 * directory, which {@link TestUser} keeps unwritable by others). Not as root, the work directory is
 * already in a place StrictModes accepts, and the file is {@code <work dir>/instance-keys/authorized_keys}.
 * The file starts empty, mode 0644.
 */
final class ExtraAuthorizedKeys {

  /** Under the dedicated user's home, shared by every server on the machine. */
  static final String SHARED_DIR = ".imgbuild-testkit";

  /** The file sshd reads. */
  final Path file;
  /** The directory made for it and removed with the server, or null (the caller's file). */
  final Path madeDir;

  private ExtraAuthorizedKeys(Path file, Path madeDir) {
    this.file = file;
    this.madeDir = madeDir;
  }

  /** The file {@code options} asks for, or null; throws if StrictModes would refuse it. */
  static ExtraAuthorizedKeys prepare(OpenSshServer.Options options, TestUser user, Path workDir)
      throws IOException, InterruptedException {
    if (!options.extraAuthorizedKeys()) {
      return null;
    }
    ExtraAuthorizedKeys keys;
    if (options.extraAuthorizedKeysFile() != null) {
      keys = new ExtraAuthorizedKeys(options.extraAuthorizedKeysFile(), null);
    } else {
      Path dir = user.dedicated
          ? makeDir(makeDir(user.home.resolve(SHARED_DIR)).resolve(workDir.getFileName()))
          : makeDir(workDir.resolve("instance-keys"));
      keys = new ExtraAuthorizedKeys(dir.resolve("authorized_keys"), dir);
      try {
        Files.createFile(keys.file);
        Files.setPosixFilePermissions(keys.file, PosixFilePermissions.fromString("rw-r--r--"));
      } catch (IOException e) {
        keys.delete();
        throw e;
      }
    }
    String problem = StrictModes.problem(keys.file, user.uid(), user.home);
    if (problem != null) {
      keys.delete();
      throw new IOException("sshd (StrictModes yes) would not read the extra authorized_keys file "
          + keys.file + " for " + user.name + ": " + problem + ". Put it in a directory that only root or "
          + user.name + " can write (not below /tmp), or use Options.withExtraAuthorizedKeysFile() to let the "
          + "server pick one.");
    }
    return keys;
  }

  /** Removes the directory made for the file, if any. */
  void delete() throws IOException {
    if (madeDir != null && Files.isDirectory(madeDir)) {
      try (var left = Files.list(madeDir)) {
        for (Path p : left.toList()) { // the simulator's temp files, should it have been stopped mid-write
          Files.deleteIfExists(p);
        }
      }
      Files.deleteIfExists(madeDir);
    }
  }

  private static Path makeDir(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    return dir;
  }
}
