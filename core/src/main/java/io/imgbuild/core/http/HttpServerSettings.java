package io.imgbuild.core.http;

import io.imgbuild.core.config.ComponentConfig;
import io.imgbuild.core.json.JsonPath;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The HTTP server options of Packer's http fragment. The field names follow the template's keys, so
 * {@code config.bindChecked(HttpServerSettings.class)} fills it from any builder's config (the schema
 * supplies the defaults: ports 8000-9000, address 0.0.0.0).
 *
 * @param httpDirectory   a directory to serve, relative to the working directory; or null
 * @param httpContent     URL path to file content, served instead of a directory; or empty
 * @param httpPortMin     the lowest port to listen on
 * @param httpPortMax     the highest port to listen on (both 0: any free port)
 * @param httpBindAddress the host address to listen on
 */
public record HttpServerSettings(String httpDirectory, Map<String, String> httpContent, int httpPortMin,
                                 int httpPortMax, String httpBindAddress) {

    public HttpServerSettings {
        httpContent = httpContent == null ? Map.of() : Map.copyOf(httpContent);
        httpBindAddress = httpBindAddress == null || httpBindAddress.isEmpty() ? "0.0.0.0" : httpBindAddress;
    }

    /** Whether there is anything to serve; without it no server runs, as in Packer. */
    public boolean serves() {
        return hasDirectory() || !httpContent.isEmpty();
    }

    boolean hasDirectory() {
        return httpDirectory != null && !httpDirectory.isEmpty();
    }

    /**
     * Reports {@code http_content} keys that are not URL paths: the guest asks for {@code /preseed.cfg},
     * so a key {@code preseed.cfg} would never be served.
     */
    public static void check(ComponentConfig config) {
        JsonNode content = config.node().get("http_content");
        if (content == null || !content.isObject()) {
            return;
        }
        for (String key : content.propertyNames()) {
            if (!key.startsWith("/")) {
                config.error(JsonPath.ROOT.key("http_content").key(key),
                        "the http_content key \"" + key + "\" is not a URL path: it must start with /",
                        "write it as \"/" + key + "\"; the boot command then fetches http://{{ .HTTPIP }}:"
                                + "{{ .HTTPPort }}/" + key);
            }
        }
    }
}
