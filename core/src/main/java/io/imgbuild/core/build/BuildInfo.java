package io.imgbuild.core.build;

import java.nio.file.Path;
import java.time.Instant;

/**
 * Facts about one build that every step and plugin may read.
 *
 * @param name        the build's name (builder {@code name}, else its type)
 * @param type        the builder type
 * @param runUuid     one id for the whole run (Packer's PACKER_RUN_UUID)
 * @param initTime    when the run started (the {@code timestamp} every template function shares)
 * @param workingDir  where relative paths are resolved (the directory imgbuild was started in)
 * @param templateDir the template's directory
 * @param force       {@code -force}: replace leftovers of earlier runs
 * @param debug       {@code -debug}: pause before each step
 * @param onError     {@code -on-error}
 */
public record BuildInfo(String name, String type, String runUuid, Instant initTime, Path workingDir, Path templateDir,
                        boolean force, boolean debug, OnError onError) {
}
