package io.imgbuild.postprocessor.archive;

import java.util.zip.Deflater;

/**
 * Tells, from a few small samples spread over a block, whether deflate can shrink it at all. Each
 * sample is deflated at level 1 (cheap); the first one that shrinks answers "compressible", so on
 * ordinary data this costs one 16 KiB probe per block.
 */
final class Incompressible {

    private static final int SAMPLES = 8;
    private static final int SAMPLE = 16 * 1024;
    /** A sample is incompressible when level 1 saves less than 3% of it. */
    private static final double MIN_SAVING = 0.03;
    private static final ThreadLocal<Deflater> PROBE = ThreadLocal.withInitial(() -> new Deflater(1, true));
    private static final ThreadLocal<byte[]> OUT = ThreadLocal.withInitial(() -> new byte[SAMPLE + 1024]);

    private Incompressible() {
    }

    static boolean looksIncompressible(byte[] input, int length) {
        if (length < SAMPLES * SAMPLE) {
            return false; // small blocks: not worth guessing
        }
        Deflater d = PROBE.get();
        byte[] out = OUT.get();
        long stride = (length - SAMPLE) / (SAMPLES - 1);
        for (int i = 0; i < SAMPLES; i++) {
            int off = (int) (i * stride);
            d.reset();
            d.setInput(input, off, SAMPLE);
            d.finish();
            int n = 0;
            while (!d.finished() && n < out.length) {
                n += d.deflate(out, n, out.length - n);
            }
            if (d.finished() && n < SAMPLE * (1 - MIN_SAVING)) {
                return false;
            }
        }
        return true;
    }
}
