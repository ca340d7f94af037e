package io.imgbuild.builder.amazon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the AWS SDK would find the region when the template does not set one: the AWS_REGION and
 * AWS_DEFAULT_REGION environment variables, then the profile's {@code region} in the shared config file
 * (AWS_CONFIG_FILE, else ~/.aws/config). The instance metadata service is not asked: preparing makes
 * no network calls.
 */
final class RegionLookup {

    private final Map<String, String> env;
    private final Path home;

    RegionLookup(Map<String, String> env, Path home) {
        this.env = env;
        this.home = home;
    }

    /** The region, and where it came from ("AWS_REGION", "profile default in ~/.aws/config"). */
    record Found(String region, String source) {
    }

    Optional<Found> find(String profile) {
        for (String var : List.of("AWS_REGION", "AWS_DEFAULT_REGION")) {
            String v = env.get(var);
            if (v != null && !v.isBlank()) {
                return Optional.of(new Found(v.trim(), var));
            }
        }
        String name = profile != null && !profile.isEmpty() ? profile
                : env.getOrDefault("AWS_PROFILE", env.getOrDefault("AWS_DEFAULT_PROFILE", "default"));
        String file = env.get("AWS_CONFIG_FILE");
        Path config = file != null && !file.isBlank() ? Path.of(file) : home.resolve(".aws").resolve("config");
        return regionInConfig(config, name).map(r -> new Found(r, "profile " + name + " in " + config));
    }

    /** The {@code region} of a profile in an INI-style AWS config file. */
    static Optional<String> regionInConfig(Path config, String profile) {
        List<String> lines;
        try {
            if (!Files.isRegularFile(config)) {
                return Optional.empty();
            }
            lines = Files.readAllLines(config, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        boolean inSection = false;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                String section = line.substring(1, line.length() - 1).strip();
                inSection = section.equals(profile) || section.equals("profile " + profile);
                continue;
            }
            int eq = line.indexOf('=');
            if (inSection && eq > 0 && line.substring(0, eq).strip().equals("region")) {
                String v = line.substring(eq + 1).strip();
                if (!v.isEmpty()) {
                    return Optional.of(v);
                }
            }
        }
        return Optional.empty();
    }
}
