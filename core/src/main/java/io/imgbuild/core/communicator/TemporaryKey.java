package io.imgbuild.core.communicator;

import io.imgbuild.core.step.Key;
import java.nio.file.Path;

/**
 * The key pair made for this build: where its private key file is, and the public key for the
 * machine's authorized_keys.
 *
 * @param publicKeyBody the base64 part of the public key, which identifies its authorized_keys line
 */
public record TemporaryKey(Path privateKeyFile, String authorizedKeysLine, String publicKeyBody) {

    public static final Key<TemporaryKey> KEY = new Key<>("temporary-key-pair");
}
