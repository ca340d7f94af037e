package io.imgbuild.testkit.ec2;

import io.imgbuild.core.util.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import tools.jackson.databind.JsonNode;

/**
  * EC2's service model in botocore's JSON format (service-2.json), as Debian's awscli package ships
  * it. It names every action and the shape of its input and output, so requests are checked and
  * answers are written the way real clients, which are generated from the same model, expect.
  */
final class ServiceModel {

    /** Where to look, first match wins; the property and variable let a user point elsewhere. */
    static final List<String> KNOWN_PLACES = List.of(
            "/usr/lib/python3/dist-packages/awscli/botocore/data/ec2/2016-11-15/service-2.json",
            "/usr/lib/python3/dist-packages/botocore/data/ec2/2016-11-15/service-2.json",
            "/usr/lib/python3/dist-packages/botocore/data/ec2/2016-11-15/service-2.json.gz");

    private static ServiceModel cached;

    private final JsonNode operations;
    private final JsonNode shapes;

    private ServiceModel(JsonNode root) {
        this.operations = root.get("operations");
        this.shapes = root.get("shapes");
    }

    /** The model found on this machine, read once per JVM (it is 2.8 MB of JSON). */
    static synchronized ServiceModel load() {
        if (cached == null) {
            Path path = locate();
            try (InputStream raw = Files.newInputStream(path);
                    InputStream in = path.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
                cached = new ServiceModel(Json.MAPPER.readTree(in));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read EC2's service model " + path + ": " + e.getMessage(), e);
            }
        }
        return cached;
    }

    private static Path locate() {
        String chosen = System.getProperty("imgbuild.ec2.model", System.getenv("IMGBUILD_EC2_MODEL"));
        if (chosen != null && !chosen.isBlank()) {
            Path path = Path.of(chosen);
            if (!Files.isReadable(path)) {
                throw new IllegalStateException("EC2's service model " + path + " (from imgbuild.ec2.model or IMGBUILD_EC2_MODEL) is not readable");
            }
            return path;
        }
        return KNOWN_PLACES.stream().map(Path::of).filter(Files::isReadable).findFirst().orElseThrow(() ->
                new IllegalStateException("EC2's service model (botocore's service-2.json) was not found in " + KNOWN_PLACES
                        + ": install Debian's awscli package (scripts/setup does), or set IMGBUILD_EC2_MODEL to its path"));
    }

    Optional<JsonNode> operation(String action) {
        return Optional.ofNullable(operations.get(action));
    }

    JsonNode shape(String name) {
        JsonNode shape = shapes.get(name);
        if (shape == null) {
            throw new IllegalStateException("EC2's service model has no shape " + name);
        }
        return shape;
    }

    /** The shape a member reference ({"shape": ..., "locationName": ...}) points to. */
    JsonNode target(JsonNode memberRef) {
        return shape(memberRef.get("shape").asString());
    }

    /** The name of the operation's input or output shape ("input"/"output"), if it has one. */
    static Optional<String> shapeName(JsonNode operation, String which) {
        JsonNode ref = operation.get(which);
        return ref == null ? Optional.empty() : Optional.of(ref.get("shape").asString());
    }
}
