package io.imgbuild.testkit.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The checks sshd's {@code StrictModes yes} makes on an authorized_keys file before it reads it, so a
 * badly placed file fails loudly when a test sets it up instead of as a bare "Permission denied" at
 * login. sshd wants the file and every directory above it owned by root or the login user and
 * writable by neither group nor others, walking up to the login user's home directory, or to
 * {@code /} for a file outside it: a file anywhere below /tmp (mode 1777) is refused.
 */
public final class StrictModes {

  private static final int GROUP_OR_OTHER_WRITE = 0022;

  private StrictModes() {}

  /**
   * Null if sshd would accept {@code file} for the user {@code uid} whose home is {@code home}, else
   * why not. A missing file, or missing directories above it, are not checked (whoever makes them
   * decides their modes); the first existing directory and those above it are.
   */
  public static String problem(Path file, int uid, Path home) throws IOException {
    Path realHome = Files.exists(home) ? home.toRealPath() : home.toAbsolutePath().normalize();
    Path dir = file.toAbsolutePath().normalize().getParent();
    if (Files.exists(file)) {
      Path real = file.toRealPath();
      String bad = badOwnerOrMode(real, uid);
      if (bad != null) {
        return "bad ownership or modes for file " + real + " (" + bad + ")";
      }
      dir = real.getParent();
    }
    while (dir != null && !Files.exists(dir)) {
      dir = dir.getParent();
    }
    for (Path d = dir == null ? null : dir.toRealPath(); d != null; d = d.getParent()) {
      String bad = badOwnerOrMode(d, uid);
      if (bad != null) {
        return "bad ownership or modes for directory " + d + " (" + bad + ")";
      }
      if (d.equals(realHome)) {
        break;
      }
    }
    return null;
  }

  /** The uid of {@code path}'s owner (no link followed). */
  static int uid(Path path) throws IOException {
    return (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
  }

  private static String badOwnerOrMode(Path path, int uid) throws IOException {
    int owner = uid(path);
    int mode = (Integer) Files.getAttribute(path, "unix:mode");
    if (owner != 0 && owner != uid) {
      return "owned by uid " + owner + ", not root nor uid " + uid;
    }
    if ((mode & GROUP_OR_OTHER_WRITE) != 0) {
      return "mode " + Integer.toOctalString(mode & 07777) + " lets group or others write";
    }
    return null;
  }
}
