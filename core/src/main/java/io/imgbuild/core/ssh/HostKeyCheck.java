package io.imgbuild.core.ssh;

import java.net.SocketAddress;
import java.security.PublicKey;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;

/**
 * Host key policy, per session: with ssh_host_key_fingerprint the server's key must match it
 * (SHA256 or MD5 form, as ssh-keygen prints them); without, any key is accepted, as Packer does, and
 * its fingerprint is recorded so the UI can show it. Registered once on the client; each session
 * carries its expectation as an attribute set before the key exchange starts.
 */
final class HostKeyCheck implements ServerKeyVerifier {

    static final AttributeKey<String> EXPECTED = new AttributeKey<>();
    static final AttributeKey<String> SEEN = new AttributeKey<>();
    /**
     * In the connection context, which outlives the session: the key seen when it did not match.
     * A session's own attributes are cleared when the failed key exchange closes it.
     */
    static final AttributeKey<AtomicReference<String>> MISMATCH = new AttributeKey<>();

    static final HostKeyCheck INSTANCE = new HostKeyCheck();

    @Override
    public boolean verifyServerKey(ClientSession session, SocketAddress remote, PublicKey key) {
        String sha256 = KeyUtils.getFingerPrint(BuiltinDigests.sha256, key);
        session.setAttribute(SEEN, sha256);
        String expected = session.getConnectionContext() == null ? null
                : session.getConnectionContext().getAttribute(EXPECTED);
        if (expected == null || expected.isBlank()) {
            return true;
        }
        boolean ok = matches(expected.trim(), key, sha256);
        AtomicReference<String> mismatch = session.getConnectionContext().getAttribute(MISMATCH);
        if (!ok && mismatch != null) {
            mismatch.set(sha256);
        }
        return ok;
    }

    static boolean matches(String expected, PublicKey key, String sha256) {
        if (expected.regionMatches(true, 0, "MD5:", 0, 4)) {
            String md5 = KeyUtils.getFingerPrint(BuiltinDigests.md5, key);
            return md5.equalsIgnoreCase(expected);
        }
        String want = expected.startsWith("SHA256:") ? expected : "SHA256:" + expected;
        // ssh-keygen prints unpadded base64; accept a padded one too
        return stripPadding(sha256).equals(stripPadding(want));
    }

    private static String stripPadding(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '=') {
            end--;
        }
        return s.substring(0, end);
    }
}
