package io.imgbuild.core.communicator;

import io.imgbuild.core.step.Key;

/** State keys for the build's connection. */
public final class CommunicatorKeys {

    /** The connected communicator; absent with communicator none. */
    public static final Key<Communicator> COMMUNICATOR = new Key<>("communicator");

    private CommunicatorKeys() {
    }
}
