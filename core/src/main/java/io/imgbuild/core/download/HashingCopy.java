package io.imgbuild.core.download;

import io.imgbuild.core.step.Cancellation;
import io.imgbuild.core.step.CancelledException;
import io.imgbuild.core.ui.BuildUi;
import io.imgbuild.core.ui.ProgressBar;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Copies streams to one output while hashing them, so a download is verified in the same pass that
 * writes it, with a progress bar and a prompt stop on cancel (a cancel also closes the input, waking
 * a blocked read). Several inputs may follow one another: a resumed download goes on where the
 * broken one stopped, into the same file and the same digest.
 */
final class HashingCopy {

    private static final int BUFFER = 256 * 1024;

    private final OutputStream out;
    private final MessageDigest digest;
    private final ProgressBar bar;
    private final Cancellation cancel;
    private final byte[] buffer = new byte[BUFFER];
    private long bytes;

    /**
     * @param jdkAlgorithm a {@code Checksum.jdkAlgorithm()} name, or null to hash nothing
     */
    HashingCopy(OutputStream out, String jdkAlgorithm, ProgressBar bar, Cancellation cancel) {
        this.out = out;
        this.digest = jdkAlgorithm == null ? null : digest(jdkAlgorithm);
        this.bar = bar;
        this.cancel = cancel;
    }

    /** Copies all of {@code in}; on a read error, everything before it has been written and hashed. */
    void from(InputStream in) throws IOException, CancelledException {
        try (Cancellation.Registration r = cancel.onCancel(() -> closeQuietly(in))) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                cancel.throwIfCancelled();
                write(n);
                if (digest != null) {
                    digest.update(buffer, 0, n);
                }
                bytes += n;
                bar.advance(n);
            }
        } catch (IOException e) {
            cancel.throwIfCancelled(); // a closed stream or an interrupted write, because of the cancel
            throw e;
        }
        cancel.throwIfCancelled();
    }

    /** Bytes written so far. */
    long bytes() {
        return bytes;
    }

    /** The hex digest of everything copied; null when hashing nothing. Call once, at the end. */
    String hash() {
        return digest == null ? null : HexFormat.of().formatHex(digest.digest());
    }

    /** Reads and hashes a whole file once, showing progress as {@code label}; returns the hex digest. */
    static String hashFile(Path file, String jdkAlgorithm, BuildUi ui, String label, Cancellation cancel)
            throws IOException, CancelledException {
        try (InputStream in = Files.newInputStream(file); ProgressBar bar = ui.progress(label, Files.size(file))) {
            HashingCopy copy = new HashingCopy(OutputStream.nullOutputStream(), jdkAlgorithm, bar, cancel);
            copy.from(in);
            return copy.hash();
        }
    }

    /** Writing failed (a full disk), as opposed to reading (a lost connection): the user fixes different things. */
    static final class WriteFailed extends IOException {
        WriteFailed(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private void write(int n) throws WriteFailed {
        try {
            out.write(buffer, 0, n);
        } catch (IOException e) {
            throw new WriteFailed(e);
        }
    }

    private static MessageDigest digest(String jdkAlgorithm) {
        try {
            return MessageDigest.getInstance(jdkAlgorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has " + jdkAlgorithm, e);
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // closing only to wake the reader; the cancel is what counts
        }
    }
}
