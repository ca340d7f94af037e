package io.imgbuild.core.json;

import io.imgbuild.core.problem.Problem;
import io.imgbuild.core.problem.Severity;
import io.imgbuild.core.problem.SourceLocation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a component's config came from in the template, so a problem found at a path relative to
 * the config ({@code ssh_timeout}) is reported at its place in the file
 * ({@code builders[1].ssh_timeout}, line 14). Keys that a provisioner's {@code override} supplied
 * for this build are reported inside the override.
 */
public final class ConfigOrigin {

    private final JsonPath base;
    private final JsonPath overrideBase;
    private final Set<String> overriddenKeys;
    private final SourceLocator locator;
    private final Map<String, String> renamed;

    public ConfigOrigin(JsonPath base, SourceLocator locator) {
        this(base, null, Set.of(), locator);
    }

    public ConfigOrigin(JsonPath base, JsonPath overrideBase, Set<String> overriddenKeys, SourceLocator locator) {
        this(base, overrideBase, overriddenKeys, locator, Map.of());
    }

    private ConfigOrigin(JsonPath base, JsonPath overrideBase, Set<String> overriddenKeys, SourceLocator locator,
                         Map<String, String> renamed) {
        this.base = base;
        this.overrideBase = overrideBase;
        this.overriddenKeys = Set.copyOf(overriddenKeys);
        this.locator = locator;
        this.renamed = Map.copyOf(renamed);
    }

    /**
     * The same origin, where a key the template wrote under an old name ({@code ssh_wait_timeout})
     * and that now goes by a new one ({@code ssh_timeout}) is reported where the user wrote it.
     */
    public ConfigOrigin withRenamedKey(String newKey, String oldKey) {
        Map<String, String> r = new HashMap<>(renamed);
        r.put(newKey, oldKey);
        return new ConfigOrigin(base, overrideBase, overriddenKeys, locator, r);
    }

    public JsonPath base() {
        return base;
    }

    public SourceLocator locator() {
        return locator;
    }

    public JsonPath documentPath(JsonPath relative) {
        if (!relative.isRoot() && relative.segments().get(0) instanceof String first && renamed.containsKey(first)) {
            JsonPath original = JsonPath.ROOT.key(renamed.get(first));
            List<Object> rest = relative.segments().subList(1, relative.segments().size());
            for (Object seg : rest) {
                original = seg instanceof Integer i ? original.index(i) : original.key((String) seg);
            }
            relative = original;
        }
        if (overrideBase != null && !relative.isRoot() && relative.segments().get(0) instanceof String first
                && overriddenKeys.contains(first)) {
            return overrideBase.resolve(relative);
        }
        return base.resolve(relative);
    }

    /** A problem at a key (atKey) or at its value. */
    public Problem problem(Severity severity, JsonPath relative, boolean atKey, String message, String hint) {
        JsonPath doc = documentPath(relative);
        SourceLocation loc = atKey ? locator.locate(doc) : locator.locateValue(doc);
        return new Problem(severity, doc.toString(), loc, message, hint);
    }

    public Problem error(JsonPath relative, boolean atKey, String message, String hint) {
        return problem(Severity.ERROR, relative, atKey, message, hint);
    }

    /** A problem at character {@code offset} of the string value at {@code relative}. */
    public Problem errorInString(JsonPath relative, int offset, String message, String hint) {
        JsonPath doc = documentPath(relative);
        return Problem.error(doc.toString(), locator.locateInString(doc, offset), message, hint);
    }
}
