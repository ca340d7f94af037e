package io.imgbuild.builder.qemu;

import io.imgbuild.core.config.ComponentConfig;
import io.imgbuild.core.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The SSH checks the qemu builder adds to {@link io.imgbuild.core.communicator.CommunicatorConfig#check}:
 * key files that are really private keys, a way to log in to a bastion, well-formed tunnels.
 */
final class SshChecks {

    private static final Pattern PEM_PRIVATE_KEY = Pattern.compile("-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY-----");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

    private SshChecks() {
    }

    static void check(ComponentConfig config) {
        JsonNode n = config.node();
        if ("none".equals(text(n, "communicator")) || "winrm".equals(text(n, "communicator"))) {
            return;
        }
        privateKey(config, "ssh_private_key_file");
        privateKey(config, "ssh_bastion_private_key_file");
        if (!text(n, "ssh_certificate_file").isEmpty() && text(n, "ssh_private_key_file").isEmpty()) {
            config.error("ssh_certificate_file", "ssh_certificate_file needs ssh_private_key_file",
                    "set ssh_private_key_file to the private key the certificate was issued for");
        }
        if (!text(n, "ssh_bastion_host").isEmpty() && !n.path("ssh_bastion_agent_auth").asBoolean(false)
                && !n.path("ssh_bastion_interactive").asBoolean(false) && text(n, "ssh_bastion_password").isEmpty()
                && text(n, "ssh_bastion_private_key_file").isEmpty() && text(n, "ssh_private_key_file").isEmpty()) {
            config.error("ssh_bastion_host", "the bastion host needs a way to log in",
                    "set ssh_bastion_password or ssh_bastion_private_key_file, or ssh_bastion_agent_auth to true");
        }
        tunnels(config, "ssh_local_tunnels");
        tunnels(config, "ssh_remote_tunnels");
    }

    private static void privateKey(ComponentConfig config, String key) {
        String value = text(config.node(), key);
        if (value.isEmpty() || value.contains("{{")) {
            return;
        }
        String expanded = value.equals("~") || value.startsWith("~/") ? System.getProperty("user.home") + value.substring(1)
                : value;
        Path p = config.resolvePath(expanded);
        if (!Files.isRegularFile(p)) {
            return; // the schema's x-path check already said so
        }
        String head;
        try {
            byte[] bytes = Files.readAllBytes(p);
            head = new String(bytes, 0, Math.min(bytes.length, 64 * 1024), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            config.error(key, "cannot read " + p + ": " + e.getMessage(), null);
            return;
        }
        if (!PEM_PRIVATE_KEY.matcher(head).find()) {
            config.error(key, "\"" + value + "\" is not a private key (no -----BEGIN ... PRIVATE KEY----- block)",
                    "give the private key file (e.g. ~/.ssh/id_ed25519), not the public key (.pub)");
        }
    }

    /** Each entry is {@code [bind_address:]port:host:hostport}. */
    private static void tunnels(ComponentConfig config, String key) {
        JsonNode list = config.node().get(key);
        if (list == null || !list.isArray()) {
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            String t = list.get(i).asString("");
            String[] parts = t.split(":", -1);
            boolean ok = parts.length == 3 || parts.length == 4;
            if (ok) {
                int first = parts.length - 3;
                ok = port(parts[first]) && !parts[first + 1].isEmpty() && port(parts[first + 2]);
            }
            if (!ok) {
                config.error(JsonPath.ROOT.key(key).index(i), "\"" + t + "\" is not a tunnel",
                        "write it as [bind_address:]port:host:hostport, e.g. 8080:localhost:80");
            }
        }
    }

    private static boolean port(String s) {
        return PORT.matcher(s).matches() && Integer.parseInt(s) <= 65535;
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v != null && v.isString() ? v.asString() : "";
    }
}
