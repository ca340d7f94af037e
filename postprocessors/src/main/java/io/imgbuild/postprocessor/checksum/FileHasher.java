package io.imgbuild.postprocessor.checksum;

import io.imgbuild.core.step.CancelledException;
import io.imgbuild.core.step.Cancellation;
import io.imgbuild.core.ui.ProgressBar;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hashes a file with several algorithms in one streaming read (constant memory, whatever the file
 * size), reporting progress and stopping promptly on cancel.
 */
final class FileHasher {

    private static final int BUFFER = 4 << 20;

    private FileHasher() {
    }

    static Map<Algorithm, String> hash(Path file, List<Algorithm> algorithms, ProgressBar progress,
                                       Cancellation cancellation) throws IOException, CancelledException {
        List<MessageDigest> digests = new ArrayList<>();
        algorithms.forEach(a -> digests.add(a.newDigest()));
        byte[] array = new byte[BUFFER];
        ByteBuffer buf = ByteBuffer.wrap(array);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            int n;
            while ((n = ch.read(buf)) >= 0) {
                if (n == 0 && !buf.hasRemaining()) {
                    continue;
                }
                for (MessageDigest d : digests) {
                    d.update(array, 0, buf.position());
                }
                progress.advance(buf.position());
                buf.clear();
                cancellation.throwIfCancelled();
            }
        }
        Map<Algorithm, String> out = new LinkedHashMap<>();
        for (int i = 0; i < algorithms.size(); i++) {
            out.put(algorithms.get(i), HexFormat.of().formatHex(digests.get(i).digest()));
        }
        return out;
    }
}
