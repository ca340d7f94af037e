package io.imgbuild.core.ssh;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;

/**
 * A key pair made for one build (ssh_temporary_key_pair_type rsa, ed25519 or ecdsa), so no
 * long-lived key has to be baked into an image: the builder puts the public key on the machine,
 * the communicator logs in with the private key, and the file is deleted in cleanup.
 */
public final class TemporaryKeyPair {

    private final KeyPair keyPair;
    private final String type;

    private TemporaryKeyPair(KeyPair keyPair, String type) {
        this.keyPair = keyPair;
        this.type = type;
    }

    public static TemporaryKeyPair generate(String type, int bits) throws GeneralSecurityException {
        return switch (type) {
            case "ed25519" -> new TemporaryKeyPair(KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256), type);
            case "ecdsa" -> new TemporaryKeyPair(KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256,
                    bits == 384 || bits == 521 ? bits : 256), type);
            case "rsa" -> new TemporaryKeyPair(KeyUtils.generateKeyPair(KeyPairProvider.SSH_RSA, bits <= 0 ? 4096 : bits),
                    type);
            default -> throw new IllegalArgumentException("unsupported temporary key type " + type
                    + ": use rsa, ed25519 or ecdsa");
        };
    }

    public KeyPair keyPair() {
        return keyPair;
    }

    public String type() {
        return type;
    }

    /** The public key as an authorized_keys line: "ssh-ed25519 AAAA... comment". */
    public String authorizedKeysLine(String comment) {
        return PublicKeyEntry.toString(keyPair.getPublic()) + (comment == null || comment.isEmpty() ? "" : " " + comment);
    }

    /** The base64 body of the public key: what identifies its line in authorized_keys. */
    public String publicKeyBody() {
        String[] parts = PublicKeyEntry.toString(keyPair.getPublic()).split(" ");
        return parts.length > 1 ? parts[1] : parts[0];
    }

    /** Writes the private key in OpenSSH format to a new file readable by its owner only. */
    public void writePrivateKey(Path file, String comment) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (OutputStream out = Files.newOutputStream(file)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(keyPair, comment,
                    (org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext) null, out);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot write the temporary private key: " + e.getMessage(), e);
        }
    }
}
