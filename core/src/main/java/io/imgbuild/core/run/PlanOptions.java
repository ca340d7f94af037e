package io.imgbuild.core.run;

import io.imgbuild.core.build.OnError;
import java.util.List;

/**
 * What the command line asks of a build run.
 *
 * @param only   build names or globs to run (empty: all)
 * @param except build or post-processor names or globs to skip
 */
public record PlanOptions(List<String> only, List<String> except, boolean force, boolean debug, OnError onError) {

    public static PlanOptions defaults() {
        return new PlanOptions(List.of(), List.of(), false, false, OnError.CLEANUP);
    }
}
