package io.imgbuild.core.run;

/**
 * imgbuild's exit codes, distinct so CI can tell "fix the template" from "the cloud failed" from
 * "someone pressed Ctrl-C" from "go and delete what is left". Documented in the README.
 */
public final class ExitCodes {

    public static final int OK = 0;
    /** A build or post-processor failed (cleanup completed). */
    public static final int BUILD_FAILED = 1;
    /** Bad command-line usage. */
    public static final int USAGE = 2;
    /** The template, a var file or a variable is invalid; nothing was built. */
    public static final int INVALID_TEMPLATE = 3;
    /** A cleanup failed: something the run created may still exist (the output says what). */
    public static final int CLEANUP_INCOMPLETE = 4;
    /** Interrupted (Ctrl-C or SIGTERM); cleanups ran. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
