package io.imgbuild.core.run;

import io.imgbuild.core.build.BuildInfo;
import io.imgbuild.core.build.Builder;
import java.util.List;

/** Everything one build needs, checked: the builder, the provisioners and the post-processor chains. */
public record PreparedBuild(BuildInfo info, Builder builder, List<PreparedProvisioner> provisioners,
                            PreparedProvisioner errorCleanupProvisioner, List<List<PreparedPostProcessor>> chains) {
}
