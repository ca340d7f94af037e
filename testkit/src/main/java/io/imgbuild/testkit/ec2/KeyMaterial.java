package io.imgbuild.testkit.ec2;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
  * Real keys for CreateKeyPair, in the formats EC2 hands them out (RSA: PKCS#1 PEM; ed25519: the
  * OpenSSH private key format), and the fingerprints EC2 shows: SHA-1 of the PKCS#8 private key for
  * RSA keys it made, MD5 of the public key for imported RSA keys, base64 SHA-256 of the public key
  * for ed25519 keys, made or imported.
  */
final class KeyMaterial {

    /** A made key: what CreateKeyPair returns and what an instance's authorized_keys gets. */
    record Made(String privateKeyPem, String publicKeyLine, String fingerprint) {}

    private KeyMaterial() {}

    static Made rsa(String comment) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            java.security.KeyPair pair = generator.generateKeyPair();
            byte[] pkcs8 = pair.getPrivate().getEncoded();
            String pem = "-----BEGIN RSA PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pkcs1(pkcs8))
                    + "\n-----END RSA PRIVATE KEY-----";
            RSAPublicKey key = (RSAPublicKey) pair.getPublic();
            byte[] blob = sshBlob("ssh-rsa", key.getPublicExponent(), key.getModulus());
            String line = "ssh-rsa " + Base64.getEncoder().encodeToString(blob) + " " + comment;
            return new Made(pem, line, colonHex(digest("SHA-1", pkcs8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
      * An ed25519 key: the private key in OpenSSH's own format (PROTOCOL.key: no cipher, no KDF), which
      * is what EC2 returns for {@code KeyType=ed25519}.
      */
    static Made ed25519(String comment) {
        try {
            java.security.KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] spki = pair.getPublic().getEncoded(); // SubjectPublicKeyInfo ends with the 32-byte key
            byte[] pub = Arrays.copyOfRange(spki, spki.length - 32, spki.length);
            byte[] seed = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow();
            byte[] blob = sshBlob("ssh-ed25519", pub);

            ByteArrayOutputStream secret = new ByteArrayOutputStream();
            int check = new SecureRandom().nextInt(); // twice: a wrong passphrase shows as a mismatch
            writeInt(secret, check);
            writeInt(secret, check);
            writeString(secret, "ssh-ed25519".getBytes(StandardCharsets.US_ASCII));
            writeString(secret, pub);
            byte[] seedAndPub = Arrays.copyOf(seed, 64);
            System.arraycopy(pub, 0, seedAndPub, 32, 32);
            writeString(secret, seedAndPub);
            writeString(secret, comment.getBytes(StandardCharsets.UTF_8));
            for (int pad = 1; secret.size() % 8 != 0; pad++) {
                secret.write(pad);
            }

            ByteArrayOutputStream file = new ByteArrayOutputStream();
            file.writeBytes("openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII));
            writeString(file, "none".getBytes(StandardCharsets.US_ASCII)); // cipher
            writeString(file, "none".getBytes(StandardCharsets.US_ASCII)); // KDF
            writeString(file, new byte[0]); // KDF options
            writeInt(file, 1); // keys
            writeString(file, blob);
            writeString(file, secret.toByteArray());
            String pem = "-----BEGIN OPENSSH PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(70, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(file.toByteArray())
                    + "\n-----END OPENSSH PRIVATE KEY-----\n";
            String line = "ssh-ed25519 " + Base64.getEncoder().encodeToString(blob) + " " + comment;
            return new Made(pem, line, sha256Fingerprint(blob));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
      * The fingerprint and key type of an imported OpenSSH public key line; throws InvalidKey.Format
      * for anything else.
      */
    static String[] imported(String line) {
        String[] parts = line.trim().split("\\s+");
        if (parts.length < 2 || !(parts[0].equals("ssh-rsa") || parts[0].equals("ssh-ed25519"))) {
            throw Ec2Error.client("InvalidKey.Format", "Key is not in valid OpenSSH public key format");
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw Ec2Error.client("InvalidKey.Format", "Key is not in valid OpenSSH public key format");
        }
        if (blob.length < 4 + parts[0].length()
                || !new String(blob, 4, parts[0].length(), StandardCharsets.US_ASCII).equals(parts[0])) {
            throw Ec2Error.client("InvalidKey.Format", "Key is not in valid OpenSSH public key format");
        }
        if (parts[0].equals("ssh-rsa")) {
            return new String[] {colonHex(digest("MD5", blob)), "rsa", parts[0] + " " + parts[1]};
        }
        return new String[] {sha256Fingerprint(blob), "ed25519", parts[0] + " " + parts[1]};
    }

    /** PKCS#8 wraps the PKCS#1 key as its last element, an OCTET STRING. */
    private static byte[] pkcs1(byte[] pkcs8) {
        int[] pos = {0};
        header(pkcs8, pos, 0x30);
        int versionLength = header(pkcs8, pos, 0x02);
        pos[0] += versionLength;
        int algorithmLength = header(pkcs8, pos, 0x30);
        pos[0] += algorithmLength;
        int keyLength = header(pkcs8, pos, 0x04);
        return Arrays.copyOfRange(pkcs8, pos[0], pos[0] + keyLength);
    }

    private static int header(byte[] der, int[] pos, int tag) {
        if ((der[pos[0]++] & 0xff) != tag) {
            throw new IllegalStateException("unexpected DER tag in a PKCS#8 RSA key");
        }
        int length = der[pos[0]++] & 0xff;
        if (length > 0x80) {
            int bytes = length - 0x80;
            length = 0;
            for (int i = 0; i < bytes; i++) {
                length = (length << 8) | (der[pos[0]++] & 0xff);
            }
        }
        return length;
    }

    /** Base64 (padded) SHA-256 of the public key blob: OpenSSH's fingerprint without its {@code SHA256:} prefix. */
    private static String sha256Fingerprint(byte[] blob) {
        return Base64.getEncoder().encodeToString(digest("SHA-256", blob));
    }

    private static byte[] sshBlob(String type, byte[] key) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeString(out, type.getBytes(StandardCharsets.US_ASCII));
        writeString(out, key);
        return out.toByteArray();
    }

    private static byte[] sshBlob(String type, BigInteger... numbers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeString(out, type.getBytes(StandardCharsets.US_ASCII));
        for (BigInteger n : numbers) {
            writeString(out, n.toByteArray());
        }
        return out.toByteArray();
    }

    private static void writeString(ByteArrayOutputStream out, byte[] bytes) {
        writeInt(out, bytes.length);
        out.writeBytes(bytes);
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String colonHex(byte[] bytes) {
        return HexFormat.ofDelimiter(":").formatHex(bytes);
    }
}
