package io.imgbuild.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.core.json.LocatedJsonParser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RecordBinderTest {

    record Device(String deviceName, Integer volumeSize, boolean deleteOnTermination) {
    }

    record Config(String isoUrl, int sshPort, long big, double ratio, boolean headless, Boolean optional,
                  Duration bootWait, List<String> bootCommand, List<List<String>> qemuargs, Map<String, String> tags,
                  Set<String> owners, List<Device> devices, Object diskSize, Map<String, Object> filters, JsonNode json) {
    }

    private static JsonNode json(String text) throws Exception {
        return LocatedJsonParser.parse("t", text).document().root();
    }

    @Test
    void bindsSnakeCaseKeysToEveryKindOfComponent() throws Exception {
        Config c = RecordBinder.bind(json("""
                {"iso_url": "file:///x.iso", "ssh_port": 2222, "big": 8589934592, "ratio": 0.5, "headless": true,
                 "boot_wait": "1m30s", "boot_command": ["<esc>", "boot"], "qemuargs": [["-m", "1G"]],
                 "tags": {"Name": "base"}, "owners": ["1", "1", "2"],
                 "devices": [{"device_name": "/dev/xvda", "volume_size": 16, "delete_on_termination": true}],
                 "disk_size": 20480, "filters": {"name": "debian-*", "n": 3, "flag": false}, "json": {"a": [1]}}
                """), Config.class);
        assertEquals("file:///x.iso", c.isoUrl());
        assertEquals(2222, c.sshPort());
        assertEquals(8589934592L, c.big());
        assertEquals(0.5, c.ratio());
        assertTrue(c.headless());
        assertNull(c.optional());
        assertEquals(Duration.ofSeconds(90), c.bootWait());
        assertEquals(List.of("<esc>", "boot"), c.bootCommand());
        assertEquals(List.of(List.of("-m", "1G")), c.qemuargs());
        assertEquals(Map.of("Name", "base"), c.tags());
        assertEquals(Set.of("1", "2"), c.owners());
        assertEquals(new Device("/dev/xvda", 16, true), c.devices().get(0));
        assertEquals(20480, c.diskSize());
        assertEquals(Map.of("name", "debian-*", "n", 3, "flag", false), c.filters());
        assertEquals(1, c.json().get("a").get(0).asInt());
    }

    @Test
    void missingKeysAreNullOrZero() throws Exception {
        Config c = RecordBinder.bind(json("{}"), Config.class);
        assertNull(c.isoUrl());
        assertEquals(0, c.sshPort());
        assertFalse(c.headless());
        assertNull(c.bootCommand());
    }

    @Test
    void aWrongTypeIsABugAndSaysWhere() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RecordBinder.bind(json("{\"devices\": [{\"volume_size\": \"big\"}]}"), Config.class));
        assertTrue(e.getMessage().contains("devices[0].volume_size"), e.getMessage());
    }

    @Test
    void snakeCase() {
        assertEquals("iso_url", RecordBinder.snakeCase("isoUrl"));
        assertEquals("s3_bucket", RecordBinder.snakeCase("s3Bucket"));
        assertEquals("ssh_port", RecordBinder.snakeCase("sshPort"));
    }
}
