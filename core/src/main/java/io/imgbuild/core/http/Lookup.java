package io.imgbuild.core.http;

import java.io.IOException;
import java.io.InputStream;

/** What a request path names in the served files. */
sealed interface Lookup {

    /** Opens a body to send; each call starts again from the first byte. */
    @FunctionalInterface
    interface Body {
        InputStream open() throws IOException;
    }

    /**
     * A file (or a generated page) to send.
     *
     * @param name      the name whose extension gives the content type
     * @param length    the body's length in bytes
     * @param requested the file as {@link ServedFiles#topLevel()} names it, to remember it was fetched;
     *                  null for a generated page
     */
    record Found(String name, long length, Body body, String requested) implements Lookup {
    }

    /** A directory asked for without its trailing slash: send the client to {@code location}. */
    record Redirect(String location) implements Lookup {
    }

    /** Nothing there. */
    record NotFound() implements Lookup {
    }

    /** Outside what is served, or not readable. */
    record Forbidden() implements Lookup {
    }
}
