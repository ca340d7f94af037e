package io.imgbuild.core.plugin;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Every plugin on the classpath, by kind and type. Adding a plugin is adding a jar. */
public final class PluginRegistry {

    private final Map<String, BuilderPlugin> builders;
    private final Map<String, ProvisionerPlugin> provisioners;
    private final Map<String, PostProcessorPlugin> postProcessors;

    private PluginRegistry(Map<String, BuilderPlugin> builders, Map<String, ProvisionerPlugin> provisioners,
                           Map<String, PostProcessorPlugin> postProcessors) {
        this.builders = builders;
        this.provisioners = provisioners;
        this.postProcessors = postProcessors;
    }

    public static PluginRegistry load() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return new PluginRegistry(index(ServiceLoader.load(BuilderPlugin.class, cl)),
                index(ServiceLoader.load(ProvisionerPlugin.class, cl)),
                index(ServiceLoader.load(PostProcessorPlugin.class, cl)));
    }

    /** A registry of exactly these plugins (tests). */
    public static PluginRegistry of(Iterable<? extends Plugin<?>> plugins) {
        Map<String, BuilderPlugin> b = new TreeMap<>();
        Map<String, ProvisionerPlugin> p = new TreeMap<>();
        Map<String, PostProcessorPlugin> pp = new TreeMap<>();
        for (Plugin<?> plugin : plugins) {
            if (plugin instanceof BuilderPlugin x) {
                b.put(x.type(), x);
            } else if (plugin instanceof ProvisionerPlugin x) {
                p.put(x.type(), x);
            } else if (plugin instanceof PostProcessorPlugin x) {
                pp.put(x.type(), x);
            }
        }
        return new PluginRegistry(b, p, pp);
    }

    private static <P extends Plugin<?>> Map<String, P> index(ServiceLoader<P> loader) {
        Map<String, P> map = new TreeMap<>();
        for (P p : loader) {
            P previous = map.put(p.type(), p);
            if (previous != null) {
                throw new IllegalStateException("two plugins claim type \"" + p.type() + "\": "
                        + previous.getClass().getName() + " and " + p.getClass().getName());
            }
        }
        return Collections.unmodifiableMap(map);
    }

    public Optional<? extends Plugin<?>> find(ComponentKind kind, String type) {
        return Optional.ofNullable(types(kind).get(type));
    }

    /** Plugins of one kind, by type, sorted. */
    public Map<String, ? extends Plugin<?>> types(ComponentKind kind) {
        return switch (kind) {
            case BUILDER -> builders;
            case PROVISIONER -> provisioners;
            case POST_PROCESSOR -> postProcessors;
        };
    }
}
