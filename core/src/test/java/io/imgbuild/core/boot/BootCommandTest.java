package io.imgbuild.core.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.core.boot.BootAction.Press;
import io.imgbuild.core.boot.BootAction.Toggle;
import io.imgbuild.core.boot.BootAction.Type;
import io.imgbuild.core.boot.BootAction.Wait;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BootCommandTest {

    @Test
    void typicalDebianBootCommand() {
        String text = BootCommand.join(List.of("<esc><wait>", "auto url=http://10.0.2.2:8000/preseed.cfg<enter>"));
        assertEquals(List.of(new Press(SpecialKey.ESC), new Wait(Duration.ofSeconds(1)),
                new Type("auto url=http://10.0.2.2:8000/preseed.cfg"), new Press(SpecialKey.ENTER)),
                BootCommand.parse(text).actions());
    }

    @ParameterizedTest
    @CsvSource({"<wait>, PT1S", "<wait0>, PT0S", "<wait5>, PT5S", "<wait10>, PT10S", "<wait500ms>, PT0.5S",
            "<wait1m30s>, PT1M30S", "<wait2h>, PT2H", "<wait10us>, PT0.00001S"})
    void waits(String text, String iso) {
        assertEquals(List.of(new Wait(Duration.parse(iso))), BootCommand.parse(text).actions());
    }

    @Test
    void specialKeysIgnoreCase() {
        assertEquals(List.of(new Press(SpecialKey.ENTER), new Press(SpecialKey.PAGE_UP), new Press(SpecialKey.F12),
                new Press(SpecialKey.LEFT), new Press(SpecialKey.LEFT_ALT)),
                BootCommand.parse("<ENTER><pageup><F12><left><LeftAlt>").actions());
    }

    @Test
    void modifiersAndCharactersCanBeHeld() {
        assertEquals(List.of(new Toggle(SpecialKey.LEFT_CTRL, null, true), new Type("x"),
                new Toggle(SpecialKey.LEFT_CTRL, null, false), new Toggle(null, "a", true), new Toggle(null, "a", false),
                new Toggle(SpecialKey.LEFT, null, true)),
                BootCommand.parse("<leftCtrlOn>x<leftctrloff><aOn><aOFF><leftOn>").actions());
        assertTrue(SpecialKey.LEFT_CTRL.isModifier());
        assertTrue(!SpecialKey.LEFT.isModifier());
    }

    @Test
    void anglesThatAreNotKeysAreTypedLiterally() {
        assertEquals(List.of(new Type("a < b > c <<x>>")), BootCommand.parse("a < b > c <<x>>").actions());
        assertEquals(List.of(new Type("echo 1 <")), BootCommand.parse("echo 1 <").actions());
        assertEquals(List.of(new Type("<http://x/y>")), BootCommand.parse("<http://x/y>").actions());
    }

    @Test
    void emptyCommandHasNoActions() {
        assertEquals(List.of(), BootCommand.parse("").actions());
    }

    @Test
    void unknownKeyIsAMistakeWithASuggestion() {
        BootCommand.Analysis a = BootCommand.analyse("linux <entr>");
        assertEquals(1, a.mistakes().size());
        BootCommand.Mistake m = a.mistakes().get(0);
        assertEquals(6, m.offset());
        assertEquals(6, m.length());
        assertEquals("unknown special key <entr>", m.message());
        assertEquals("<enter>", m.suggestion());
        assertEquals("unknown special key <entr>; did you mean <enter>?", m.describe());
        assertTrue(m.hint().contains("<wait5>"));
    }

    @ParameterizedTest
    @CsvSource({"leftctl, <leftCtrl>", "pgUp, <pageUp>", "Wait5, <wait5>", "wiat10s, <wait10s>", "leftCtrlOnn, <leftCtrlOn>",
            "ENTR, <enter>", "f13, <f1>", "spacebr, <spacebar>"})
    void suggestions(String typed, String expected) {
        BootCommand.Mistake m = BootCommand.analyse("<" + typed + ">").mistakes().get(0);
        assertEquals(expected, m.suggestion());
    }

    @Test
    void noSuggestionForUnrelatedWords() {
        assertNull(BootCommand.analyse("<kickstart>").mistakes().get(0).suggestion());
    }

    @ParameterizedTest
    @ValueSource(strings = {"<wait5x>", "<wait1.5s>", "<wait-1s>", "<waitabit>"})
    void badWaitsAreMistakes(String text) {
        BootCommand.Mistake m = BootCommand.analyse(text).mistakes().get(0);
        assertTrue(m.message().contains("is not a valid wait"), m.message());
    }

    @Test
    void everyMistakeIsReported() {
        BootCommand.Analysis a = BootCommand.analyse("<foo>ok<bar><enter><wait5x>");
        assertEquals(List.of(0, 7, 19), a.mistakes().stream().map(BootCommand.Mistake::offset).toList());
        assertEquals(List.of(new Type("ok"), new Press(SpecialKey.ENTER)), a.actions());
    }

    @Test
    void parseThrowsWithAllMistakes() {
        BootCommandException e = assertThrows(BootCommandException.class, () -> BootCommand.parse("<x1><y2>"));
        assertEquals(2, e.mistakes().size());
        assertEquals("unknown special key <x1>; did you mean <f1>?", e.getMessage());
    }

    @Test
    void templateActionsAreMaskedForChecking() {
        String masked = BootCommand.maskActions("a{{ .HTTPIP }}b<{{ .Name }}>");
        assertEquals("a".length() + "{{ .HTTPIP }}".length() + "b<{{ .Name }}>".length(), masked.length());
        assertTrue(masked.startsWith("a\u0000"));
        assertTrue(BootCommand.analyse(masked).ok());
        assertTrue(BootCommand.analyse(BootCommand.maskActions("<wait{{ .T }}>")).ok());
    }
}
