package io.imgbuild.postprocessor.vagrant;

import io.imgbuild.core.fs.AtomicFile;
import io.imgbuild.core.fs.ExclusiveLock;
import io.imgbuild.core.step.StepFailure;
import io.imgbuild.core.util.Json;
import io.imgbuild.postprocessor.json.JsonFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Vagrant catalog ("box metadata") file: one box name, its versions, each with a provider list
 * ({@code name, url, checksum_type, checksum}, and {@code architecture} when known). Adding a box
 * keeps every other version and provider; the same version, provider and architecture is replaced
 * only with -force. Builds of one run and other imgbuild processes share the file under a lock, and
 * it is rewritten atomically.
 */
final class CatalogFile {

    /** One provider entry. */
    record Entry(String provider, String architecture, String url, String sha256) {
    }

    private final Path file;
    private final String name;

    CatalogFile(Path file, String name) {
        this.file = file;
        this.name = name;
    }

    Path file() {
        return file;
    }

    /** Fails now, before a box is written, if adding it would fail later. */
    void checkCanAdd(String version, Entry entry, boolean force) throws StepFailure, IOException {
        try (ExclusiveLock lock = ExclusiveLock.acquire(file)) {
            ObjectNode catalog = read();
            if (!force && find(catalog, version, entry) != null) {
                throw duplicate(version, entry);
            }
        }
    }

    void add(String description, String version, Entry entry, boolean force) throws StepFailure, IOException {
        try (ExclusiveLock lock = ExclusiveLock.acquire(file)) {
            ObjectNode catalog = read();
            catalog.put("name", name);
            if (description != null) {
                catalog.put("description", description);
            }
            ObjectNode existing = find(catalog, version, entry);
            if (existing != null && !force) {
                throw duplicate(version, entry);
            }
            ArrayNode providers = versionNode(catalog, version).withArray("providers");
            if (existing != null) {
                for (int i = 0; i < providers.size(); i++) {
                    if (providers.get(i) == existing) {
                        providers.remove(i);
                        break;
                    }
                }
            }
            ObjectNode p = providers.addObject();
            p.put("name", entry.provider());
            p.put("url", entry.url());
            p.put("checksum_type", "sha256");
            p.put("checksum", entry.sha256());
            if (entry.architecture() != null) {
                p.put("architecture", entry.architecture());
            }
            try (AtomicFile out = AtomicFile.create(file)) {
                Files.write(out.temp(), Json.PRETTY.writeValueAsBytes(catalog));
                out.commit(true);
            }
        }
    }

    private StepFailure duplicate(String version, Entry entry) {
        return new StepFailure("the catalog " + file + " already lists version " + version + " of " + name + " for the "
                + entry.provider() + " provider" + (entry.architecture() == null ? "" : " (" + entry.architecture() + ")")
                + "; run with -force to replace it, or give this box a new catalog.version");
    }

    private static ObjectNode versionNode(ObjectNode catalog, String version) {
        ArrayNode versions = catalog.withArray("versions");
        for (JsonNode v : versions) {
            if (version.equals(v.path("version").asString(""))) {
                return (ObjectNode) v;
            }
        }
        ObjectNode v = versions.addObject();
        v.put("version", version);
        v.putArray("providers");
        return v;
    }

    /** The entry for this version, provider and architecture, or null. */
    private static ObjectNode find(ObjectNode catalog, String version, Entry entry) {
        for (JsonNode v : catalog.path("versions")) {
            if (!version.equals(v.path("version").asString(""))) {
                continue;
            }
            for (JsonNode p : v.path("providers")) {
                String arch = p.hasNonNull("architecture") ? p.get("architecture").asString() : null;
                if (entry.provider().equals(p.path("name").asString("")) && Objects.equals(arch, entry.architecture())) {
                    return (ObjectNode) p;
                }
            }
        }
        return null;
    }

    private ObjectNode read() throws IOException, StepFailure {
        JsonNode existing = JsonFiles.readIfPresent(file, "the catalog",
                "fix it, remove it or set catalog.output to another file");
        if (existing == null) {
            return Json.MAPPER.createObjectNode();
        }
        if (!(existing instanceof ObjectNode o) || (o.has("versions") && !o.get("versions").isArray())
                || !allObjects(o.path("versions"))) {
            throw new StepFailure("the catalog " + file + " is not a Vagrant catalog (expected {\"name\": ..., "
                    + "\"versions\": [{\"version\": ..., \"providers\": [...]}]}); fix it or set catalog.output to"
                    + " another file");
        }
        String existingName = o.path("name").asString("");
        if (!existingName.isEmpty() && !existingName.equals(name)) {
            throw new StepFailure("the catalog " + file + " describes the box \"" + existingName + "\", not \"" + name
                    + "\"; a catalog lists one box: set catalog.output to another file or catalog.name to \""
                    + existingName + "\"");
        }
        return o;
    }

    private static boolean allObjects(JsonNode versions) {
        for (JsonNode v : versions) {
            if (!v.isObject() || (v.has("providers") && !v.get("providers").isArray())) {
                return false;
            }
            for (JsonNode p : v.path("providers")) {
                if (!p.isObject()) {
                    return false;
                }
            }
        }
        return true;
    }
}
