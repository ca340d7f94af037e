package io.imgbuild.testkit.ssh;

import io.imgbuild.testkit.Commands;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the text of one test server's sshd_config.
 *
 * <p>sshd takes the first value it reads for most keywords, so the caller's extra lines go before the
 * defaults and win over them; lines from the first {@code Match} on go at the end, where sshd needs
 * them. Two keywords would clash instead: {@code SetEnv} (only the first line counts) is merged into
 * ours, and a {@code Subsystem sftp} line replaces the default internal-sftp one.
 */
final class SshdConfig {

  /** Everything one config needs besides the options. */
  record Params(
      int port,
      Path hostKeyEd25519,
      Path hostKeyRsa,
      Path pidFile,
      String authorizedKeysFile,
      String user,
      boolean passwordAuth,
      String markerEnv) {}

  private static final Pattern VERSION = Pattern.compile("OpenSSH_(\\d+)\\.(\\d+)");
  private static volatile int[] sshdVersion;

  private SshdConfig() {}

  static String render(Params p, OpenSshServer.Options options) {
    List<String> extraGlobal = new ArrayList<>();
    List<String> matchBlocks = new ArrayList<>();
    List<String> setEnv = new ArrayList<>(List.of(p.markerEnv()));
    boolean ownSftp = false;
    boolean inMatch = false;
    for (String line : options.extraConfig()) {
      String keyword = keyword(line);
      inMatch |= keyword.equals("match");
      if (inMatch) {
        matchBlocks.add(line);
      } else if (keyword.equals("setenv")) {
        setEnv.add(line.strip().substring("SetEnv".length()).strip());
      } else {
        ownSftp |= keyword.equals("subsystem") && line.strip().split("\\s+").length > 1
            && line.strip().split("\\s+")[1].equals("sftp");
        extraGlobal.add(line);
      }
    }

    StringBuilder out = new StringBuilder();
    out.append("# Written by imgbuild testkit (OpenSshServer) for one test server.\n");
    out.append("SetEnv ").append(String.join(" ", setEnv)).append('\n');
    if (!extraGlobal.isEmpty()) {
      out.append("# extra config (first value wins in sshd, so these override the defaults below)\n");
      extraGlobal.forEach(line -> out.append(line).append('\n'));
    }
    out.append("ListenAddress 127.0.0.1\n");
    out.append("Port ").append(p.port()).append('\n');
    out.append("HostKey ").append(p.hostKeyEd25519()).append('\n');
    out.append("HostKey ").append(p.hostKeyRsa()).append('\n');
    out.append("PidFile ").append(p.pidFile()).append('\n');
    out.append("UsePAM no\n");
    out.append("PasswordAuthentication ").append(yesNo(p.passwordAuth())).append('\n');
    out.append("PermitEmptyPasswords no\n");
    out.append("KbdInteractiveAuthentication no\n");
    out.append("PubkeyAuthentication ").append(yesNo(options.pubkeyAuth())).append('\n');
    out.append("AuthorizedKeysFile ").append(p.authorizedKeysFile()).append('\n');
    out.append("AllowUsers ").append(p.user()).append('\n');
    out.append("AllowTcpForwarding ").append(yesNo(options.allowTcpForwarding())).append('\n');
    if (!ownSftp) {
      out.append("Subsystem sftp internal-sftp\n");
    }
    out.append("LogLevel VERBOSE\n");
    out.append("StrictModes yes\n");
    out.append("MaxStartups 100\n");
    out.append("MaxSessions 50\n");
    out.append("PrintMotd no\n");
    if (atLeast(9, 8)) {
      // 9.8+ would shut out 127.0.0.1 for a while after the failed logins that tests make on purpose
      out.append("PerSourcePenalties no\n");
    }
    matchBlocks.forEach(line -> out.append(line).append('\n'));
    return out.toString();
  }

  private static String keyword(String line) {
    String stripped = line.strip();
    if (stripped.isEmpty() || stripped.startsWith("#")) {
      return "";
    }
    return stripped.split("[\\s=]+", 2)[0].toLowerCase(Locale.ROOT);
  }

  private static String yesNo(boolean value) {
    return value ? "yes" : "no";
  }

  /** Whether the installed sshd is at least {@code major.minor} (false if it cannot tell). */
  private static boolean atLeast(int major, int minor) {
    int[] v = sshdVersion();
    return v[0] > major || (v[0] == major && v[1] >= minor);
  }

  private static int[] sshdVersion() {
    int[] v = sshdVersion;
    if (v == null) {
      v = new int[] {0, 0};
      try {
        // -V prints the version; an sshd without that flag prints it in its usage message
        Matcher m = VERSION.matcher(Commands.run(List.of(OpenSshServer.SSHD, "-V")).output());
        if (m.find()) {
          v = new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
        }
      } catch (IOException e) {
        // leave 0.0
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      sshdVersion = v;
    }
    return v;
  }
}
