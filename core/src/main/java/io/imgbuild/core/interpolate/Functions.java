package io.imgbuild.core.interpolate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The functions templates may call, by name. */
public final class Functions {

    /** The Packer release whose legacy JSON template language imgbuild implements. */
    public static final String PACKER_COMPAT_VERSION = "1.6.6";

    /** The function that reads build-time data; its use makes a string deferred to build time. */
    static final String BUILD = "build";

    /** The function that reads user variables. */
    static final String USER = "user";

    private static final Map<String, Builtin> BUILTINS = register();

    private Functions() {
    }

    /** Names of the supported functions, sorted. */
    public static Set<String> names() {
        return BUILTINS.keySet();
    }

    /** The supported function of that name, or null. */
    static Builtin lookup(String name) {
        return BUILTINS.get(name);
    }

    private static Map<String, Builtin> register() {
        Map<String, Builtin> all = new LinkedHashMap<>();
        for (Builtin b : ContextFunctions.all()) {
            all.put(b.name(), b);
        }
        for (Builtin b : TextFunctions.all()) {
            all.put(b.name(), b);
        }
        Map<String, Builtin> sorted = new LinkedHashMap<>();
        all.keySet().stream().sorted().forEach(name -> sorted.put(name, all.get(name)));
        return Collections.unmodifiableMap(sorted);
    }
}
