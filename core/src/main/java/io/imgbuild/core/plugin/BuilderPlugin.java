package io.imgbuild.core.plugin;

import io.imgbuild.core.build.Builder;

/** Service interface for builder types. */
public interface BuilderPlugin extends Plugin<Builder> {

    @Override
    default ComponentKind kind() {
        return ComponentKind.BUILDER;
    }
}
