package io.imgbuild.core.ssh;

import java.security.GeneralSecurityException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.LoggerFactory;

/**
 * Gets the JDK's AES-GCM compiled to its AES-NI and carry-less-multiply intrinsics before the first
 * transfer needs it. Left to real traffic, the first ~100 MiB of a transfer run through interpreted
 * GHASH at 30-60 MiB/s (one call per 32 KiB packet is slow to reach the optimising compiler); many
 * small messages get there in about half a second of one core, which a build spends waiting for
 * the machine to boot anyway. Once per process, on a daemon thread.
 */
final class CipherWarmUp {

    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static final int MESSAGES = 20_000;
    private static final int MESSAGE_BYTES = 1024;

    private CipherWarmUp() {
    }

    static void startOnce() {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(CipherWarmUp::run, "ssh-cipher-warm-up");
        t.setDaemon(true);
        t.start();
    }

    private static void run() {
        try {
            SecretKeySpec key = new SecretKeySpec(new byte[16], "AES");
            byte[] iv = new byte[12];
            byte[] plain = new byte[MESSAGE_BYTES];
            byte[] sealed = new byte[MESSAGE_BYTES + 16];
            Cipher encrypt = Cipher.getInstance("AES/GCM/NoPadding");
            Cipher decrypt = Cipher.getInstance("AES/GCM/NoPadding");
            for (int i = 0; i < MESSAGES; i++) {
                iv[8] = (byte) (i >>> 24); // GCM forbids reusing an IV with the same key
                iv[9] = (byte) (i >>> 16);
                iv[10] = (byte) (i >>> 8);
                iv[11] = (byte) i;
                GCMParameterSpec spec = new GCMParameterSpec(128, iv);
                encrypt.init(Cipher.ENCRYPT_MODE, key, spec);
                encrypt.updateAAD(iv, 0, 4); // SSH authenticates the 4-byte packet length
                int n = encrypt.doFinal(plain, 0, plain.length, sealed, 0);
                decrypt.init(Cipher.DECRYPT_MODE, key, spec);
                decrypt.updateAAD(iv, 0, 4);
                decrypt.doFinal(sealed, 0, n, plain, 0);
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            LoggerFactory.getLogger(CipherWarmUp.class).debug("AES-GCM warm-up skipped", e);
        }
    }
}
