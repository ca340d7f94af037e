package io.imgbuild.testkit.ec2;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** EC2-style resource IDs ({@code i-0123456789abcdef0}) and the checks EC2 makes on their form. */
final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern LONG_OR_SHORT = Pattern.compile("[0-9a-f]{8}|[0-9a-f]{17}");

    private Ids() {}

    /** A fresh ID with 17 hex digits, as EC2 has handed out since 2016. */
    static String next(String prefix) {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return prefix + "-0" + HexFormat.of().formatHex(bytes);
    }

    /** The same ID for the same seed: public images keep their IDs across runs, as real ones do. */
    static String stable(String prefix, String seed) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            return prefix + "-0" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean wellFormed(String prefix, String id) {
        return id.startsWith(prefix + "-") && LONG_OR_SHORT.matcher(id.substring(prefix.length() + 1)).matches();
    }

    /** Throws {@code <kind>.Malformed} (InvalidAMIID.Malformed, ...) unless {@code id} has EC2's form. */
    static void check(String prefix, String kind, String id) {
        if (!wellFormed(prefix, id)) {
            throw Ec2Error.client(kind + ".Malformed", "Invalid id: \"" + id + "\" (expecting \"" + prefix + "-...\")");
        }
    }
}
