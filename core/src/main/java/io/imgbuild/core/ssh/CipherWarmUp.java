package io.imgbuild.core.ssh;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.cipher.Cipher;
import org.slf4j.LoggerFactory;

/**
 * Gets AES-GCM compiled to the JDK's AES-NI and carry-less-multiply intrinsics before the first
 * transfer needs it. Left to real traffic, the first seconds of a transfer run interpreted GHASH
 * at 5-40 MiB/s. The warm-up drives MINA's own cipher class exactly as a session does (in place,
 * 4-byte length as AAD, counter IV) with the packet sizes a transfer sees, from a few bytes to a
 * full 32 KiB packet: warmed on small messages only, the optimised code has no path for big ones
 * and falls back to the interpreter when the first real packet arrives. Once per process, on a
 * daemon thread, while the build waits for the machine.
 */
final class CipherWarmUp {

    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static final int ROUNDS = 12_000;
    private static final int MAX_PACKET = 32 << 10;
    private static final int TAG = 16;

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
            byte[] key = new byte[16];
            byte[] iv = new byte[12];
            Cipher encrypt = BuiltinCiphers.aes128gcm.create();
            Cipher decrypt = BuiltinCiphers.aes128gcm.create();
            encrypt.init(Cipher.Mode.Encrypt, key, iv);
            decrypt.init(Cipher.Mode.Decrypt, key, iv);
            byte[] packet = new byte[4 + MAX_PACKET + TAG];
            for (int i = 0; i < ROUNDS; i++) {
                // Mostly small messages, for the call counts the compiler waits for, and every
                // eighth a full data packet, so the big-message paths are compiled too.
                int length = i % 8 == 7 ? MAX_PACKET : 16 * (1 + i % 64);
                encrypt.updateAAD(packet, 0, 4);
                encrypt.update(packet, 4, length);
                decrypt.updateAAD(packet, 0, 4);
                decrypt.update(packet, 4, length);
            }
        } catch (Exception e) {
            LoggerFactory.getLogger(CipherWarmUp.class).debug("AES-GCM warm-up skipped", e);
        }
    }
}
