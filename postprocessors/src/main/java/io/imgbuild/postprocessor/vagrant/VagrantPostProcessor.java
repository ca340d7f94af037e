package io.imgbuild.postprocessor.vagrant;

import io.imgbuild.core.artifact.Artifact;
import io.imgbuild.core.build.PostProcessor;
import io.imgbuild.core.build.PostProcessorContext;
import io.imgbuild.core.build.PostProcessorResult;
import io.imgbuild.core.config.Renderer;
import io.imgbuild.core.step.StepFailure;
import io.imgbuild.core.util.HomePaths;
import io.imgbuild.core.util.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes a Vagrant box from the artifact for its provider (the builder's, or provider_override), with
 * Packer's layout and options, and optionally lists it in a catalog. The box is written in one
 * streaming pass ({@link BoxWriter}); nothing is copied to a scratch directory first.
 */
final class VagrantPostProcessor implements PostProcessor {

    static final String BUILDER_ID = "mitchellh.post-processor.vagrant";

    private final VagrantConfig config;
    private final Renderer renderer;

    VagrantPostProcessor(VagrantConfig config, Renderer renderer) {
        this.config = config;
        this.renderer = renderer;
    }

    VagrantConfig config() {
        return config;
    }

    @Override
    public PostProcessorResult process(PostProcessorContext ctx, Artifact input) throws Exception {
        String provider = provider(input);
        VagrantConfig c = config.forProvider(provider);
        BoxProvider boxProvider = BoxProvider.forName(provider);
        Path workDir = ctx.build().workingDir();
        boolean force = ctx.build().force();

        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("BuildName", ctx.build().name());
        fields.put("BuilderType", ctx.build().type());
        fields.put("Provider", provider);
        fields.put("ArtifactId", input.id());
        Path box = workDir.resolve(renderer.renderDeferred(c.output(), fields, Map.of())).toAbsolutePath().normalize();
        if (Files.exists(box) && !force) {
            throw new StepFailure("the box " + box + " already exists; remove it or run with -force to replace it");
        }
        CatalogPlan catalog = c.catalog() == null ? null
                : CatalogPlan.of(c.catalog(), c.architecture(), box, fields, renderer, workDir);
        if (catalog != null) {
            catalog.checkCanAdd(force);
            fields.put("BoxName", c.catalog().name());
            fields.put("BoxVersion", c.catalog().version());
        }

        ctx.ui().say("Creating a Vagrant box for the " + provider + " provider");
        List<BoxEntry> includes = BoxIncludes.resolve(c.include(), workDir);
        BoxWriter.Written written;
        boolean keepInput;
        try (BoxContent content = boxProvider.content(input, ctx.ui())) {
            keepInput = content.keepInput();
            Map<String, Object> metadata = new LinkedHashMap<>(content.metadata());
            if (c.architecture() != null && !c.architecture().isEmpty()) {
                metadata.put("architecture", c.architecture());
            }
            Path template = blank(c.vagrantfileTemplate()) ? null
                    : workDir.resolve(HomePaths.expand(c.vagrantfileTemplate())).normalize();
            String vagrantfile = BoxVagrantfile.of(provider, content.vagrantfile(), template, renderer, fields);
            List<BoxEntry> generated = List.of(
                    new BoxEntry.Generated("metadata.json", Json.PRETTY.writeValueAsBytes(metadata)),
                    new BoxEntry.Generated("Vagrantfile", vagrantfile.getBytes(StandardCharsets.UTF_8)));
            List<BoxEntry> entries = BoxIncludes.merge(generated, includes, content.files(), ctx.ui());
            written = BoxWriter.write(box, force, c.compressionLevel(), entries, ctx.ui(), ctx.cancellation());
        }
        ctx.ui().message("Wrote " + box + " (" + written.bytes() + " bytes, sha256 " + written.sha256() + ")");

        Map<String, Object> data = new LinkedHashMap<>();
        data.put("provider", provider);
        data.put("sha256", written.sha256());
        Path catalogFile = null;
        if (catalog != null) {
            catalog.add(written.sha256(), force);
            catalogFile = catalog.file().file();
            ctx.ui().message("Listed version " + c.catalog().version() + " of " + c.catalog().name() + " in the catalog "
                    + catalogFile);
        }
        Artifact out = new BoxArtifact(provider, box, catalogFile, data);
        // Packer keeps the input whatever the user says when the box refers to it (aws): forceKeep.
        return new PostProcessorResult(out, keepInput, keepInput);
    }

    private String provider(Artifact input) throws StepFailure {
        if (!blank(config.providerOverride())) {
            return config.providerOverride();
        }
        String p = BoxProvider.BY_BUILDER_ID.get(input.builderId());
        if (p == null) {
            throw new StepFailure("cannot tell which Vagrant provider a box of this artifact is for (builder id "
                    + input.builderId() + "); set provider_override, e.g. \"provider_override\": \"libvirt\" for a"
                    + " disk image");
        }
        return p;
    }

    static boolean blank(String s) {
        return s == null || s.isEmpty();
    }
}
