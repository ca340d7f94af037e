package io.imgbuild.core.run;

import io.imgbuild.core.build.BuildInfo;
import io.imgbuild.core.build.Builder;
import io.imgbuild.core.build.PostProcessor;
import io.imgbuild.core.build.Provisioner;
import io.imgbuild.core.config.ComponentConfig;
import io.imgbuild.core.config.ConfigPipeline;
import io.imgbuild.core.interpolate.InterpolationContext;
import io.imgbuild.core.json.ConfigOrigin;
import io.imgbuild.core.json.JsonPath;
import io.imgbuild.core.plugin.ComponentKind;
import io.imgbuild.core.plugin.Plugin;
import io.imgbuild.core.plugin.PluginRegistry;
import io.imgbuild.core.plugin.ProvisionerPlugin;
import io.imgbuild.core.problem.DidYouMean;
import io.imgbuild.core.problem.Problem;
import io.imgbuild.core.problem.Problems;
import io.imgbuild.core.schema.SchemaCatalog;
import io.imgbuild.core.template.BuilderDef;
import io.imgbuild.core.template.Glob;
import io.imgbuild.core.template.PostProcessorDef;
import io.imgbuild.core.template.ProvisionerDef;
import io.imgbuild.core.template.Template;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Expands a parsed template into checked, prepared builds: selects builds with -only/-except, and
 * for each one interpolates, checks and prepares its builder, provisioners and post-processors.
 * Every component is checked even after errors, so one run reports them all.
 */
public final class BuildPlanner {

    private final PluginRegistry plugins;
    private final ConfigPipeline pipeline;

    public BuildPlanner(PluginRegistry plugins, ConfigPipeline pipeline) {
        this.plugins = plugins;
        this.pipeline = pipeline;
    }

    /**
     * @param variables resolved user variables
     * @param base      the run's interpolation context (env, time, directories)
     * @param runUuid   the run's id
     */
    public List<PreparedBuild> plan(Template template, Map<String, String> variables, InterpolationContext base,
                                    PlanOptions options, String runUuid, Problems problems) {
        Set<String> ppNames = new HashSet<>();
        template.postProcessors().forEach(c -> c.forEach(pp -> {
            if (pp.name() != null) {
                ppNames.add(pp.name());
            }
        }));
        List<BuilderDef> selected = select(template, options, ppNames, problems);
        List<PreparedBuild> builds = new ArrayList<>();
        for (BuilderDef b : selected) {
            InterpolationContext ctx = base.withDeclaredVariables(variables).withBuildName(b.name()).withBuildType(b.type());
            BuildInfo info = new BuildInfo(b.name(), b.type(), runUuid, base.initTime(), base.workingDir(),
                    base.templateDir(), options.force(), options.debug(), options.onError());
            Builder builder = prepare(ComponentKind.BUILDER, b.type(), b.config(), b.path().key("type"),
                    new ConfigOrigin(b.path(), template.document()), ctx, problems);
            List<PreparedProvisioner> provisioners = new ArrayList<>();
            boolean connected = hasConnection(b);
            for (ProvisionerDef p : template.provisioners()) {
                if (applies(p.only(), p.except(), b.name())) {
                    checkConnection(p, b, connected, template, problems);
                    PreparedProvisioner prepared = provisioner(template, p, b.name(), ctx, problems);
                    if (prepared != null) {
                        provisioners.add(prepared);
                    }
                }
            }
            PreparedProvisioner cleanup = template.errorCleanupProvisioner() == null ? null
                    : provisioner(template, template.errorCleanupProvisioner(), b.name(), ctx, problems);
            List<List<PreparedPostProcessor>> chains = new ArrayList<>();
            for (List<PostProcessorDef> chain : template.postProcessors()) {
                List<PreparedPostProcessor> prepared = new ArrayList<>();
                for (PostProcessorDef pp : chain) {
                    if (!applies(pp.only(), pp.except(), b.name()) || skippedByName(pp, options.except())) {
                        continue;
                    }
                    PostProcessor processor = prepare(ComponentKind.POST_PROCESSOR, pp.type(), pp.config(),
                            pp.path().key("type"), new ConfigOrigin(pp.path(), template.document()), ctx, problems);
                    prepared.add(new PreparedPostProcessor(pp.type(), pp.name(), processor, pp.keepInputArtifact()));
                }
                if (!prepared.isEmpty()) {
                    chains.add(prepared);
                }
            }
            builds.add(new PreparedBuild(info, builder, provisioners, cleanup, chains));
        }
        return builds;
    }

    /** Whether the build's machine is reachable: a builder with communicator settings that are not none. */
    private boolean hasConnection(BuilderDef b) {
        Plugin<?> plugin = plugins.find(ComponentKind.BUILDER, b.type()).orElse(null);
        if (plugin == null) {
            return true; // reported elsewhere
        }
        JsonNode prop = SchemaCatalog.instance().get(plugin.schemaResource()).node().path("properties").path("communicator");
        if (prop.isMissingNode()) {
            return false;
        }
        String value = b.config().path("communicator").asString(prop.path("default").asString("ssh"));
        return !value.equals("none") || value.contains("{{");
    }

    /** A provisioner that works on the machine cannot run in a build that has no connection to one. */
    private void checkConnection(ProvisionerDef p, BuilderDef b, boolean connected, Template template, Problems problems) {
        if (connected) {
            return;
        }
        plugins.find(ComponentKind.PROVISIONER, p.type()).ifPresent(plugin -> {
            if (((ProvisionerPlugin) plugin).needsCommunicator()) {
                problems.add(new ConfigOrigin(p.path(), template.document()).error(JsonPath.ROOT.key("type"), false,
                        "the " + p.type() + " provisioner works on the machine, but build \"" + b.name()
                                + "\" has no connection to one (" + (b.type().equals("file") ? "the file builder makes no"
                                + " machine" : "communicator none") + ")",
                        "give the build a communicator, or keep this provisioner from it with \"only\" or \"except\""));
            }
        });
    }

    private PreparedProvisioner provisioner(Template template, ProvisionerDef p, String build, InterpolationContext ctx,
                                            Problems problems) {
        ObjectNode config = p.config().deepCopy();
        ObjectNode override = p.overrides().get(build);
        ConfigOrigin origin = new ConfigOrigin(p.path(), template.document());
        if (override != null) {
            override.properties().forEach(e -> config.set(e.getKey(), e.getValue().deepCopy()));
            origin = new ConfigOrigin(p.path(), p.path().key("override").key(build), Set.copyOf(override.propertyNames()),
                    template.document());
        }
        Provisioner prov = prepare(ComponentKind.PROVISIONER, p.type(), config, p.path().key("type"), origin, ctx, problems);
        MetaValues meta = new MetaValues(new ConfigOrigin(p.path(), template.document()), ctx, problems);
        return new PreparedProvisioner(p.type(), prov, meta.duration("pause_before", p.pauseBefore()),
                meta.duration("timeout", p.timeout()), meta.count("max_retries", p.maxRetries()));
    }

    @SuppressWarnings("unchecked")
    private <T> T prepare(ComponentKind kind, String type, ObjectNode raw, JsonPath typePath, ConfigOrigin origin,
                          InterpolationContext ctx, Problems problems) {
        Plugin<?> plugin = plugins.find(kind, type).orElse(null);
        if (plugin == null) {
            Set<String> known = plugins.types(kind).keySet();
            problems.add(origin.error(JsonPath.ROOT.key("type"), false, "unknown " + kind.word() + " type \"" + type + "\""
                    + DidYouMean.suffix(type, known), "imgbuild has these " + kind.word() + "s: " + String.join(", ", known)));
            return null;
        }
        Problems local = new Problems();
        String subject = "the " + type + " " + kind.word();
        ComponentConfig config = pipeline.run(kind, type, raw.deepCopy(),
                origin, SchemaCatalog.instance().get(plugin.schemaResource()), ctx, subject, local);
        T prepared = null;
        boolean shapeErrors = local.hasErrors();
        try {
            prepared = (T) plugin.prepare(config);
        } catch (RuntimeException e) {
            // With shape errors already reported, a plugin may trip over the missing value; that is not news.
            if (!shapeErrors) {
                org.slf4j.LoggerFactory.getLogger(BuildPlanner.class).error("{} failed to prepare", subject, e);
                local.add(origin.error(JsonPath.ROOT, true, subject + " could not check its configuration: " + e,
                        "this is a bug in imgbuild; please report it with the template"));
            }
        }
        problems.addAll(local);
        return local.hasErrors() ? null : prepared;
    }

    private static List<BuilderDef> select(Template template, PlanOptions options, Set<String> ppNames, Problems problems) {
        List<String> names = template.buildNames();
        for (String o : options.only()) {
            if (names.stream().noneMatch(Glob.of(o)::matches)) {
                problems.add(Problem.error(null, null, "-only: \"" + o + "\" matches no build" + DidYouMean.suffix(o, names),
                        "the builds are: " + String.join(", ", names)));
            }
        }
        for (String e : options.except()) {
            Glob g = Glob.of(e);
            if (names.stream().noneMatch(g::matches) && ppNames.stream().noneMatch(g::matches)) {
                List<String> all = new ArrayList<>(names);
                all.addAll(ppNames);
                problems.add(Problem.error(null, null, "-except: \"" + e + "\" matches no build or named post-processor"
                        + DidYouMean.suffix(e, all), "the builds are: " + String.join(", ", names)));
            }
        }
        return template.builders().stream().filter(b -> applies(options.only(), options.except(), b.name())).toList();
    }

    static boolean applies(List<String> only, List<String> except, String build) {
        if (!only.isEmpty() && only.stream().noneMatch(o -> Glob.of(o).matches(build))) {
            return false;
        }
        return except.stream().noneMatch(e -> Glob.of(e).matches(build));
    }

    private static boolean skippedByName(PostProcessorDef pp, List<String> except) {
        return pp.name() != null && except.stream().anyMatch(e -> Glob.of(e).matches(pp.name()));
    }

}
