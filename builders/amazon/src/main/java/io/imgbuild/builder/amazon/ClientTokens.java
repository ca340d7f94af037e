package io.imgbuild.builder.amazon;

import io.imgbuild.core.step.StepContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Idempotency tokens for EC2 calls that create something (RunInstances, CopyImage): the same for
 * every SDK retry of one build's call, so a retry after a lost answer cannot make a second one.
 */
final class ClientTokens {

    private ClientTokens() {
    }

    /** At most 64 ASCII characters, from the run, the build and what the call is for. */
    static String of(StepContext ctx, String purpose) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((ctx.build().runUuid() + "/" + ctx.build().name()
                    + "/" + purpose).getBytes(StandardCharsets.UTF_8));
            return "imgbuild-" + HexFormat.of().formatHex(hash, 0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
