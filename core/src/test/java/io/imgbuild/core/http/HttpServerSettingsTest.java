package io.imgbuild.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.core.config.BootTestConfig;
import io.imgbuild.core.problem.Problem;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings as a builder binds them from its config, and the check of http_content's keys. */
class HttpServerSettingsTest {

    @TempDir
    Path dir;

    @Test
    void bindsFromAConfigWithTheSchemasDefaults() {
        BootTestConfig loaded = new BootTestConfig(dir, "{\"http_content\": {\"/ks.cfg\": \"text\"}}", Map.of());
        assertEquals(new HttpServerSettings(null, Map.of("/ks.cfg", "text"), 8000, 9000, "0.0.0.0"),
                loaded.config.bind(HttpServerSettings.class));
        assertTrue(new HttpServerSettings(null, Map.of("/ks.cfg", "text"), 8000, 9000, null).serves());
        assertTrue(!new HttpServerSettings("", Map.of(), 8000, 9000, null).serves());
    }

    @Test
    void anHttpContentKeyMustBeAUrlPath() {
        BootTestConfig loaded = new BootTestConfig(dir, "{\"http_content\": {\"/ok.cfg\": \"a\", \"ks.cfg\": \"b\"}}",
                Map.of());
        HttpServerSettings.check(loaded.config);
        List<Problem> errors = loaded.problems.errors();
        assertEquals(1, errors.size(), errors::toString);
        assertEquals("the http_content key \"ks.cfg\" is not a URL path: it must start with /",
                errors.get(0).message());
        assertEquals("write it as \"/ks.cfg\"; the boot command then fetches"
                + " http://{{ .HTTPIP }}:{{ .HTTPPort }}/ks.cfg", errors.get(0).hint());
    }
}
