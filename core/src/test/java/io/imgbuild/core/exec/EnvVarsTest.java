package io.imgbuild.core.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {{.Vars}} must reach a real /bin/sh unchanged, whatever the values hold. */
class EnvVarsTest {

    private static final Map<String, String> HARD = new LinkedHashMap<>();

    static {
        HARD.put("SPACES", "a b  c");
        HARD.put("SINGLE", "it's 'quoted'");
        HARD.put("DOUBLE", "say \"hi\"");
        HARD.put("DOLLAR", "$HOME ${PATH} $(id) `id`");
        HARD.put("BACKSLASH", "C:\\temp\\n \\\\ end\\");
        HARD.put("GLOB", "* ? [a]");
        HARD.put("SEMI", "a; echo injected & | >");
        HARD.put("EMPTY", "");
        HARD.put("NEWLINE", "one\ntwo");
        HARD.put("PERCENT", "100% %s %n");
    }

    @Test
    void theDefaultFormat() {
        assertEquals("A='1' B='x y'", EnvVars.format(new LinkedHashMap<>(Map.of("A", "1")) {
            {
                put("B", "x y");
            }
        }, "%s='%s' "));
        assertEquals("Q='it'\"'\"'s'", EnvVars.format(Map.of("Q", "it's"), "%s='%s' "));
    }

    @Test
    void valuesSurviveARealShell() throws Exception {
        String vars = EnvVars.format(HARD, "%s='%s' ");
        for (Map.Entry<String, String> e : HARD.entrySet()) {
            Process p = new ProcessBuilder("/bin/sh", "-c", vars + " printenv " + e.getKey())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), out);
            assertEquals(e.getValue() + "\n", out, e.getKey());
        }
    }

    @Test
    void anExportFormatWorksToo() throws Exception {
        String vars = EnvVars.format(HARD, "export %s='%s'\n");
        Process p = new ProcessBuilder("/bin/sh", "-c", vars + "\nprintenv SINGLE; printenv DOLLAR")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertEquals(List.of(HARD.get("SINGLE"), HARD.get("DOLLAR")), out.lines().toList());
    }
}
