package io.imgbuild.core.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemTest {

    private static final SourceLocation AT = new SourceLocation("t.json", 3, 7);

    @Test
    void format() {
        assertEquals("t.json:3:7: builders[0].x: bad\n    do this", Problem.error("builders[0].x", AT, "bad", "do this")
                .format());
        assertEquals("t.json:3:7: warning: old\n    new", new Problem(Severity.WARNING, "", AT, "old", "new").format());
        assertEquals("a flag is wrong", Problem.error(null, null, "a flag is wrong", "").format());
    }

    @Test
    void problemsAreCollectedOnceAndSplitBySeverity() {
        Problems all = new Problems();
        all.add(Problem.error("a", AT, "x", null));
        all.add(Problem.error("a", AT, "x", null));
        all.add(new Problem(Severity.WARNING, "b", AT, "y", null));
        assertEquals(2, all.all().size());
        assertEquals(1, all.errors().size());
        assertEquals(1, all.warnings().size());
        assertTrue(all.hasErrors());
        Problems warningsOnly = new Problems();
        warningsOnly.add(new Problem(Severity.WARNING, "b", AT, "y", null));
        assertFalse(warningsOnly.hasErrors());
        all.addAll(warningsOnly);
        assertEquals(2, all.all().size());
    }

    @Test
    void invalidInputCarriesTheProblems() {
        Problem p = Problem.error("a", AT, "x", null);
        InvalidInputException e = new InvalidInputException(List.of(p));
        assertEquals(List.of(p), e.problems());
        assertEquals(p.format(), e.getMessage());
    }
}
