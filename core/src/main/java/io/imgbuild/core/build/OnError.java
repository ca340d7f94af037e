package io.imgbuild.core.build;

/** Packer's {@code -on-error}: what to do when a build step fails. */
public enum OnError {
    /** Run every cleanup (the default). */
    CLEANUP,
    /** Leave everything as it is, for inspection; say what was left. */
    ABORT,
    /** Ask on the terminal: clean up, abort, or retry the step. Without a terminal, clean up. */
    ASK;

    public static OnError parse(String s) {
        return switch (s.toLowerCase()) {
            case "cleanup" -> CLEANUP;
            case "abort" -> ABORT;
            case "ask" -> ASK;
            default -> throw new IllegalArgumentException("-on-error must be cleanup, abort or ask, not \"" + s + "\"");
        };
    }
}
