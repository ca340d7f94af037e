package io.imgbuild.core.fix;

import tools.jackson.databind.node.ObjectNode;

/** One upgrade of an old template form to the current one, as {@code packer fix} does. */
public interface Fixer {

    /** A short name, e.g. {@code iso-md5}. */
    String name();

    /** What it rewrites, for the user. */
    String description();

    /** Rewrites the template in place; returns true if anything changed. */
    boolean apply(ObjectNode template);
}
