package io.imgbuild.testkit.ssh;

import io.imgbuild.testkit.Commands;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Makes and reads OpenSSH key files with the real {@code ssh-keygen}. */
final class SshKeys {

  private SshKeys() {}

  /**
   * Generates an unencrypted key pair: {@code file} (private, OpenSSH format, mode 0600) and
   * {@code file.pub}. Existing files are replaced.
   *
   * @param bits key size, or 0 for the type's default
   */
  static void generate(Path file, String type, int bits, String comment) throws IOException, InterruptedException {
    Files.deleteIfExists(file);
    Files.deleteIfExists(publicKeyFile(file));
    List<String> command = new ArrayList<>(List.of("ssh-keygen", "-q", "-t", type));
    if (bits > 0) {
      command.addAll(List.of("-b", Integer.toString(bits)));
    }
    command.addAll(List.of("-N", "", "-C", comment, "-f", file.toString()));
    Commands.check(command);
  }

  /** Rewrites an unencrypted private key in place in the classic PEM format ({@code BEGIN RSA PRIVATE KEY}). */
  static void convertToPem(Path file) throws IOException, InterruptedException {
    Commands.check(List.of("ssh-keygen", "-q", "-p", "-P", "", "-N", "", "-m", "PEM", "-f", file.toString()));
  }

  static Path publicKeyFile(Path privateKey) {
    return privateKey.resolveSibling(privateKey.getFileName() + ".pub");
  }

  /** The {@code type base64} part of a public key file (the comment dropped). */
  static String readPublicKey(Path publicKeyFile) throws IOException {
    String[] parts = Files.readString(publicKeyFile, StandardCharsets.UTF_8).strip().split("\\s+");
    if (parts.length < 2) {
      throw new IOException("not an OpenSSH public key: " + publicKeyFile);
    }
    return parts[0] + " " + parts[1];
  }

  /** {@code SHA256:...} of a {@code type base64} public key, as {@code ssh-keygen -lf} prints it. */
  static String fingerprintSha256(String publicKey) {
    String[] parts = publicKey.strip().split("\\s+");
    byte[] blob = Base64.getDecoder().decode(parts[1]);
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
      return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Copies a private key (and its .pub when present) to {@code target}, owned by whoever runs this, mode 0600. */
  static void copyPrivateKey(Path source, Path target) throws IOException {
    Files.deleteIfExists(target);
    Files.createFile(target, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.write(target, Files.readAllBytes(source));
    Path pub = publicKeyFile(source);
    if (Files.exists(pub)) {
      Files.write(publicKeyFile(target), Files.readAllBytes(pub));
    }
  }
}
