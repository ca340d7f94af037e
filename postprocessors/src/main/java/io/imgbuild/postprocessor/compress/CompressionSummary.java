package io.imgbuild.postprocessor.compress;

import io.imgbuild.core.util.Sizes;
import java.util.Locale;

/** "Compressed 1.0 GiB to 312 MiB (30%) in 9.1 s, 112 MiB/s": what the user sees when done. */
final class CompressionSummary {

    private CompressionSummary() {
    }

    static String line(long inputBytes, long outputBytes, long nanos) {
        double seconds = Math.max(nanos, 1) / 1e9;
        String ratio = inputBytes == 0 ? "" : String.format(Locale.ROOT, " (%.0f%%)", 100.0 * outputBytes / inputBytes);
        return String.format(Locale.ROOT, "Compressed %s to %s%s in %.1f s, %.0f MiB/s", Sizes.bytes(inputBytes),
                Sizes.bytes(outputBytes), ratio, seconds, inputBytes / seconds / (1 << 20));
    }
}
