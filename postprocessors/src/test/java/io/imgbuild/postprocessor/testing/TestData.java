package io.imgbuild.postprocessor.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Inputs that look like a disk image: runs of text (compressible, with long-range repeats), random
 * bytes (incompressible) and zeros (free space), seeded so every run sees the same bytes.
 */
public final class TestData {

    private static final String[] WORDS = {"kernel", "module", "systemd", "libc6", "the", "of", "package",
        "/usr/lib/x86_64-linux-gnu/", "Depends:", "Version: 1.2.3-4", "\n", "ELF", "config", "qemu", "disk"};

    private TestData() {
    }

    /** {@code size} bytes of mixed data. */
    public static byte[] mixed(int size, long seed) {
        Random random = new Random(seed);
        byte[] out = new byte[size];
        int at = 0;
        while (at < size) {
            int run = Math.min(size - at, 4096 + random.nextInt(256 * 1024));
            switch (random.nextInt(4)) {
                case 0 -> {
                    byte[] noise = new byte[run];
                    random.nextBytes(noise);
                    System.arraycopy(noise, 0, out, at, run);
                }
                case 1 -> { } // zeros
                default -> {
                    StringBuilder text = new StringBuilder(run);
                    while (text.length() < run) {
                        text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
                    }
                    System.arraycopy(text.toString().getBytes(StandardCharsets.US_ASCII), 0, out, at, run);
                }
            }
            at += run;
        }
        return out;
    }

    public static Path file(Path dir, String name, int size, long seed) throws IOException {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        try (OutputStream out = Files.newOutputStream(f)) {
            out.write(mixed(size, seed));
        }
        return f;
    }
}
