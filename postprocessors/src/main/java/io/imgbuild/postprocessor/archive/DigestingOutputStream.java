package io.imgbuild.postprocessor.archive;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Passes bytes through while counting them and computing their SHA-256, so a file's checksum (the
 * Vagrant catalog's) comes from the write itself, without reading the file again.
 */
public final class DigestingOutputStream extends FilterOutputStream {

    private final MessageDigest sha256;
    private long bytes;
    private String hex;

    public DigestingOutputStream(OutputStream out) {
        super(out);
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public void write(int b) throws IOException {
        checkNotDigested();
        out.write(b);
        sha256.update((byte) b);
        bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        checkNotDigested();
        out.write(b, off, len);
        sha256.update(b, off, len);
        bytes += len;
    }

    private void checkNotDigested() {
        if (hex != null) {
            throw new IllegalStateException("the SHA-256 was already taken; nothing more may be written");
        }
    }

    /** Bytes written so far. */
    public long bytes() {
        return bytes;
    }

    /** The hex SHA-256 of everything written; once asked, writing more is an error. */
    public String sha256Hex() {
        if (hex == null) {
            hex = HexFormat.of().formatHex(sha256.digest());
        }
        return hex;
    }
}
