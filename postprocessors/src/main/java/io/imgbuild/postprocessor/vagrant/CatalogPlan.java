package io.imgbuild.postprocessor.vagrant;

import io.imgbuild.core.config.Renderer;
import io.imgbuild.core.step.StepFailure;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where and how this box goes into its catalog, worked out before the box is written. */
record CatalogPlan(CatalogFile file, VagrantConfig.Catalog settings, String providerName, String architecture,
                   String url) {

    static CatalogPlan of(VagrantConfig.Catalog settings, String architecture, Path box, Map<String, String> boxFields,
                          Renderer renderer, Path workDir) throws StepFailure {
        Path file = VagrantPostProcessor.blank(settings.output())
                ? box.resolveSibling(settings.name().replace('/', '-') + ".json")
                : workDir.resolve(renderer.renderDeferred(settings.output(), boxFields, Map.of())).toAbsolutePath().normalize();
        String url = box.toUri().toString();
        if (!VagrantPostProcessor.blank(settings.url())) {
            Map<String, String> fields = new LinkedHashMap<>(boxFields);
            fields.put("BoxFile", box.getFileName().toString());
            fields.put("BoxName", settings.name());
            fields.put("BoxVersion", settings.version());
            url = renderer.renderDeferred(settings.url(), fields, Map.of());
        }
        return new CatalogPlan(new CatalogFile(file, settings.name()), settings, boxFields.get("Provider"),
                VagrantPostProcessor.blank(architecture) ? null : architecture, url);
    }

    void checkCanAdd(boolean force) throws StepFailure, IOException {
        file.checkCanAdd(settings.version(), entry(null), force);
    }

    void add(String sha256, boolean force) throws StepFailure, IOException {
        file.add(settings.description(), settings.version(), entry(sha256), force);
    }

    private CatalogFile.Entry entry(String sha256) {
        return new CatalogFile.Entry(providerName, architecture, url, sha256);
    }
}
