package io.imgbuild.core.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.core.step.Cancellation;
import io.imgbuild.core.step.CancelledException;
import io.imgbuild.core.step.StepFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A boot command typed on a recording keyboard: each combination as "29+46" (Linux keycodes) and each
 * pause as "pause 20ms", in one log, so order and timing are checked together.
 */
@Timeout(30)
class BootCommandTyperTest {

    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final KeyboardTarget keyboard = codes -> log.add(Arrays.stream(codes).mapToObj(String::valueOf)
            .collect(Collectors.joining("+")));

    private List<String> type(String command, Duration keyInterval, Duration groupInterval) throws Exception {
        new BootCommandTyper(keyboard, d -> log.add("pause " + d.toMillis() + "ms"), keyInterval, groupInterval)
                .type(BootCommand.parse(command));
        return log;
    }

    private List<String> type(String command) throws Exception {
        return type(command, Duration.ZERO, Duration.ZERO);
    }

    @Test
    void textWithCapitalsAndSymbolsSpecialKeysAndWaits() throws Exception {
        assertEquals(List.of("1", "pause 1000ms", "42+35", "23", "51", "57", "42+40", "21", "24", "22", "42+40", "42+2",
                        "pause 500ms", "53", "42+53", "28"),
                type("<esc><wait>Hi, \"you\"!<wait500ms>/?<enter>"));
    }

    @Test
    void aPreseedUrl() throws Exception {
        // a u t o (space) u r l = h t t p : / / 1 0 . 0 . 2 . 2 : 8 1 2 3 / x . c f g (enter)
        assertEquals(List.of("30", "22", "20", "24", "57", "22", "19", "38", "13", "35", "20", "20", "25", "42+39",
                        "53", "53", "2", "11", "52", "11", "52", "3", "52", "3", "42+39", "9", "2", "3", "4", "53",
                        "45", "52", "46", "33", "34", "28"),
                type("auto url=http://10.0.2.2:8123/x.cfg<enter>"));
    }

    @Test
    void keyAndGroupIntervals() throws Exception {
        assertEquals(List.of("30", "pause 20ms", "48", "pause 20ms", "pause 100ms", "28", "pause 20ms", "pause 100ms",
                        "pause 2000ms", "46", "pause 20ms", "pause 100ms"),
                type("ab<enter><wait2>c", Duration.ofMillis(20), Duration.ofMillis(100)));
    }

    @Test
    void everyPrintableAsciiCharacterHasItsOwnKeys() {
        Set<List<Integer>> seen = new HashSet<>();
        String shifted = "~!@#$%^&*()_+{}|:\"<>?";
        for (char c = 0x20; c < 0x7f; c++) {
            List<Keystroke> plan = KeystrokePlanner.plan(List.of(new BootAction.Type(String.valueOf(c))));
            List<Integer> keys = ((Keystroke.Keys) plan.get(0)).keycodes();
            boolean shift = Character.isUpperCase(c) || shifted.indexOf(c) >= 0;
            assertEquals(shift ? 2 : 1, keys.size(), "keys for '" + c + "': " + keys);
            if (shift) {
                assertEquals(LinuxKeycodes.KEY_LEFTSHIFT, keys.get(0), "shift first for '" + c + "'");
            }
            assertTrue(seen.add(keys), "'" + c + "' types the same keys as another character: " + keys);
        }
        assertEquals(95, seen.size());
    }

    @Test
    void symbolsUseTheKeysOfAUsKeyboard() throws Exception {
        assertEquals(List.of("41", "42+41", "12", "42+12", "13", "42+13", "26", "42+26", "27", "42+27", "43", "42+43",
                        "39", "42+39", "40", "42+40", "51", "42+51", "52", "42+52", "53", "42+53", "11", "42+11", "44",
                        "42+50", "15", "28"),
                type("`~-_=+[{]}\\|;:'\",<.>/?0)zM\t\n"));
    }

    @Test
    void aHeldModifierGoesDownWithEveryKeyUntilReleased() throws Exception {
        assertEquals(List.of("29+56+111", "42+30", "48"),
                type("<leftCtrlOn><leftAltOn><del><leftAltOff><leftCtrlOff><leftShiftOn>a<leftShiftOff>b"));
    }

    @Test
    void aHeldShiftIsNotPressedTwiceForACapital() throws Exception {
        assertEquals(List.of("42+30", "42+48"), type("<leftShiftOn>Ab<leftShiftOff>"));
    }

    @Test
    void aKeyHeldAndReleasedWithNothingBetweenIsPressedOnce() throws Exception {
        assertEquals(List.of("29"), type("<leftCtrlOn><leftCtrlOff>"));
        log.clear();
        assertEquals(List.of("29+56"), type("<leftCtrlOn><leftAltOn><leftAltOff><leftCtrlOff>"));
        log.clear();
        assertEquals(List.of("pause 1000ms", "30"), type("<aOn><wait><aOff>"));
        log.clear();
        assertEquals(List.of("125"), type("<leftSuperOn>"), "held to the end: pressed at the end");
    }

    @Test
    void aHeldCharacterGoesDownWithTheNextKeys() throws Exception {
        assertEquals(List.of("30+48", "30+28", "46"), type("<aOn>b<enter><aOff>c"));
    }

    @Test
    void releasingAKeyThatIsNotHeldSendsNothing() throws Exception {
        assertEquals(List.of("30"), type("<leftCtrlOff>a"));
    }

    @Test
    void charactersWithoutKeysFailBeforeTheFirstKey() {
        UntypeableCharactersException e = assertThrows(UntypeableCharactersException.class,
                () -> type("<esc>caf\u00e9 <wait> \u2122 and again \u00e9<\u00f1On>"));
        assertEquals(List.of(0xe9, 0x2122, 0xf1), e.codePoints());
        assertTrue(e.getMessage().startsWith("a US keyboard has no key for 'é' (U+00E9),"
                + " '™' (U+2122), 'ñ' (U+00F1) (first in \"café \")"), e.getMessage());
        assertEquals(List.of(), log, "nothing is typed");
    }

    @Test
    void aControlCharacterIsNamedByItsCode() {
        UntypeableCharactersException e = assertThrows(UntypeableCharactersException.class, () -> type("a\r\nb"));
        assertTrue(e.getMessage().contains("no key for U+000D "), e.getMessage());
    }

    @Test
    void aKeyboardFailureSaysHowFarTypingGot() {
        KeyboardTarget failing = codes -> {
            if (log.size() == 2) {
                throw new IllegalStateException("domain is not running");
            }
            log.add("key");
        };
        StepFailure e = assertThrows(StepFailure.class, () -> new BootCommandTyper(failing, d -> { }, Duration.ZERO,
                Duration.ZERO).type(BootCommand.parse("abc<enter>")));
        assertTrue(e.getMessage().startsWith(
                "typing the boot command failed after 2 of 4 keys: domain is not running;"), e.getMessage());
    }

    @Test
    void cancellingDuringALongWaitStopsAtOnce() throws Exception {
        Cancellation cancellation = Cancellation.root();
        BootCommandTyper typer = new BootCommandTyper(keyboard, cancellation::sleep, Duration.ZERO, Duration.ZERO);
        CompletableFuture<Throwable> typing = CompletableFuture.supplyAsync(() -> {
            try {
                typer.type(BootCommand.parse("a<wait60>b"));
                return null;
            } catch (Exception e) {
                return e;
            }
        });
        while (log.isEmpty()) {
            Thread.sleep(5);
        }
        Thread.sleep(50);
        long start = System.nanoTime();
        cancellation.cancel("interrupted by the user");
        Throwable outcome = typing.get(2, TimeUnit.SECONDS);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(outcome instanceof CancelledException, String.valueOf(outcome));
        assertEquals("interrupted by the user", outcome.getMessage());
        assertTrue(millis < 1000, "took " + millis + " ms");
        assertEquals(List.of("30"), log, "nothing typed after the cancel");
    }
}
