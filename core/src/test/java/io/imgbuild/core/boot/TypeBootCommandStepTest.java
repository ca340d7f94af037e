package io.imgbuild.core.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.core.config.BootTestConfig;
import io.imgbuild.core.config.ComponentConfig;
import io.imgbuild.core.config.Renderer;
import io.imgbuild.core.run.BuildData;
import io.imgbuild.core.step.CancelledException;
import io.imgbuild.core.step.RecordingStepContext;
import io.imgbuild.core.step.StepFailure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The step with a config from the real pipeline (so real rendering) and a keyboard that records. */
@Timeout(30)
class TypeBootCommandStepTest {

    @TempDir
    Path dir;

    private final List<List<Integer>> pressed = Collections.synchronizedList(new ArrayList<>());
    private final KeyboardTarget keyboard = codes -> pressed.add(Arrays.stream(codes).boxed().toList());
    private RecordingStepContext fixture;

    private ComponentConfig config(String json) {
        BootTestConfig loaded = new BootTestConfig(dir, json, Map.of("braces", "{{ not a template }}"));
        assertTrue(loaded.problems.isEmpty(), loaded.problems.all()::toString);
        fixture = new RecordingStepContext(dir);
        return loaded.config;
    }

    /** The step as a builder makes it: settings bound from the config. */
    private TypeBootCommandStep step(String json) {
        ComponentConfig config = config(json);
        return new TypeBootCommandStep(config.bind(BootSettings.class), config.renderer(), c -> keyboard);
    }

    private Renderer renderer() {
        return config("{}").renderer();
    }

    /** The keys {@code text} types, from the planner, to compare with what the step pressed. */
    private static List<List<Integer>> keysOf(String text) {
        List<List<Integer>> keys = new ArrayList<>();
        for (Keystroke k : KeystrokePlanner.plan(BootCommand.parse(text).actions())) {
            if (k instanceof Keystroke.Keys combination) {
                keys.add(combination.keycodes());
            }
        }
        return keys;
    }

    @Test
    void rendersTheBuildTimeValuesWaitsAndTypes() throws Exception {
        TypeBootCommandStep step = step("{\"boot_command\": [\"<esc><wait0>\","
                + " \"url=http://{{ .HTTPIP }}:{{ .HTTPPort }}/ks.cfg host={{ .Name }} key={{ .SSHPublicKey }}<enter>\"], \"boot_wait\": \"10ms\","
                + " \"boot_key_interval\": \"1ms\", \"vm_name\": \"vm1\"}");
        fixture.state().put(BuildData.KEY, Map.of("PackerHTTPIP", "10.0.2.2", "PackerHTTPPort", "8123",
                "SSHPublicKey", "ssh-ed25519 AAAA"));
        step.run(fixture.ctx);
        assertEquals(keysOf("<esc>url=http://10.0.2.2:8123/ks.cfg host=vm1 key=ssh-ed25519 AAAA<enter>"), pressed);
        assertEquals(List.of("Waiting 10ms for boot...", "Typing the boot command..."), fixture.lines("SAY"));
    }

    @Test
    void withoutAnHttpServerTheAddressIsEmptyAndThePortZero() throws Exception {
        step("{\"boot_command\": [\"[{{ .HTTPIP }}:{{ .HTTPPort }}] {{ .Name }}\"], \"boot_wait\": \"0s\"}")
                .run(fixture.ctx);
        assertEquals(keysOf("[:0] b"), pressed, "Name is the build's name without vm_name");
    }

    @Test
    void entriesRenderedAtLoadAreNotRenderedAgain() throws Exception {
        step("{\"boot_command\": [\"{{ user `braces` }}\", \"<enter>{{ .HTTPPort }}\"], \"boot_wait\": \"0s\"}")
                .run(fixture.ctx);
        assertEquals(keysOf("{{ not a template }}<enter>0"), pressed);
    }

    @Test
    void anUntypeableCharacterFailsBeforeTheWaitAndBeforeTheKeyboardIsOpened() {
        AtomicBoolean opened = new AtomicBoolean();
        TypeBootCommandStep step = new TypeBootCommandStep(new BootSettings(Duration.ofHours(1),
                List.of("{{ .Name }}<enter>"), null, null, "caf\u00e9"), renderer(), c -> {
                    opened.set(true);
                    return keyboard;
                });
        StepFailure e = assertThrows(StepFailure.class, () -> step.run(fixture.ctx));
        assertTrue(e.getMessage().startsWith("boot_command cannot be typed: a US keyboard has no key for 'é' (U+00E9)"
                + " (first in \"café\")"), e.getMessage());
        assertFalse(opened.get());
        assertEquals(List.of(), fixture.lines("SAY"));
    }

    @Test
    void aRenderedValueThatIsNotValidSyntaxFailsWithThePlace() {
        TypeBootCommandStep step = step("{\"boot_command\": [\"<esc>{{ .Name }}\"], \"vm_name\": \"<entr>\"}");
        StepFailure e = assertThrows(StepFailure.class, () -> step.run(fixture.ctx));
        assertEquals("boot_command, once rendered, cannot be typed: character 6: unknown special key <entr>; did you"
                + " mean <enter>? (special keys are written like <enter>, <esc>, <tab>, <f1>, <leftCtrl>; hold a key"
                + " with <leftCtrlOn> ... <leftCtrlOff>; pause with <wait>, <wait5> (seconds) or <wait1m30s>)",
                e.getMessage());
    }

    @Test
    void withoutABootCommandItOnlyWaits() throws Exception {
        new TypeBootCommandStep(new BootSettings(Duration.ofMillis(10), List.of(), null, null, null), renderer(),
                c -> {
                    throw new AssertionError("no keyboard is needed");
                }).run(fixture.ctx);
        assertEquals(List.of("Waiting 10ms for boot..."), fixture.lines("SAY"));
    }

    @Test
    void aNegativeBootWaitDoesNotWait() throws Exception {
        step("{\"boot_command\": [\"a\"], \"boot_wait\": \"-1s\"}").run(fixture.ctx);
        assertEquals(List.of("Typing the boot command..."), fixture.lines("SAY"));
        assertEquals(keysOf("a"), pressed);
    }

    @Test
    void theKeyboardCanComeFromTheState() throws Exception {
        Renderer renderer = renderer();
        fixture.state().put(KeyboardTarget.KEY, keyboard);
        new TypeBootCommandStep(new BootSettings(null, List.of("<f1>"), null, null, null), renderer,
                KeyboardSource.fromState()).run(fixture.ctx);
        assertEquals(List.of(List.of(59)), pressed);
    }

    @Test
    void cancellingDuringTheBootWaitStopsAtOnce() throws Exception {
        TypeBootCommandStep step = step("{\"boot_command\": [\"a\"], \"boot_wait\": \"1h\"}");
        CompletableFuture<Throwable> running = CompletableFuture.supplyAsync(() -> {
            try {
                step.run(fixture.ctx);
                return null;
            } catch (Exception e) {
                return e;
            }
        });
        while (fixture.lines("SAY").isEmpty()) {
            Thread.sleep(5);
        }
        fixture.cancellation.cancel("interrupted");
        assertInstanceOf(CancelledException.class, running.get(2, TimeUnit.SECONDS));
        assertEquals(List.of(), pressed);
    }

    @Test
    void theKeyIntervalIsTheTemplatesElsePackerKeyIntervalElseTwentyMilliseconds() {
        BootSettings set = new BootSettings(null, null, Duration.ofMillis(5), null, null);
        BootSettings unset = new BootSettings(null, null, null, null, null);
        assertEquals(Duration.ofMillis(5), set.keyInterval(Map.of("PACKER_KEY_INTERVAL", "1s")));
        assertEquals(Duration.ofMillis(50), unset.keyInterval(Map.of("PACKER_KEY_INTERVAL", "50ms")));
        assertEquals(Duration.ofMillis(20), unset.keyInterval(Map.of("PACKER_KEY_INTERVAL", "fast")));
        assertEquals(Duration.ofMillis(20), unset.keyInterval(Map.of()));
        assertEquals(Duration.ZERO, unset.bootWait());
        assertEquals(Duration.ZERO, unset.bootKeygroupInterval());
    }
}
