package io.imgbuild.core.download;

/**
 * One place a file was to come from did not work; the message says why in one line, for the user
 * (the step tries the next URL and, if none works, lists every URL with its reason). No stack trace:
 * this is the outside world or a template mistake, not a bug.
 */
final class SourceFailure extends Exception {

    SourceFailure(String message) {
        super(message, null, false, false);
    }
}
