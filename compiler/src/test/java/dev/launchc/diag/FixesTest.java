package dev.launchc.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class FixesTest {
    @Test
    void replacesAndInsertsByLineAndCodePointColumn() {
        String text = "a: 😀 x\nb: 1\n";
        Fixes.Applied r = Fixes.apply(text, List.of(
                Fix.replace("x to y", new Pos(1, 6), "x", "y"),
                Fix.insert("add c", new Pos(2, 1), "c: 2\n")));
        assertEquals("a: 😀 y\nc: 2\nb: 1\n", r.text());
        assertEquals(2, r.count());
    }

    @Test
    void aFileWithCrlfLineEndsKeepsThem() {
        Fixes.Applied r = Fixes.apply("a: 1\r\nb: 2\r\n", List.of(Fix.insert("add c", new Pos(2, 1), "c: 3\n")));
        assertEquals("a: 1\r\nc: 3\r\nb: 2\r\n", r.text());
    }

    /** Found by MigrateFuzzTest: with lone CRs, lines were counted at LF only and migrate refused its own edit. */
    @Test
    void linesEndAtALoneCarriageReturnAsPositionsCountThem() {
        Fixes.Applied r = Fixes.apply("a: 1\rversion: 0.1.0\rb: 2\n", List.of(Fix.replace("upgrade", new Pos(2, 10), "0.1.0", "0.2.0")));
        assertEquals("a: 1\rversion: 0.2.0\rb: 2\n", r.text());
        assertEquals(1, r.count());
        assertEquals(new Pos(3, 1), new Fix.Edit(new Pos(2, 1), "x\r", "").end());
        assertEquals(new Pos(3, 1), new Fix.Edit(new Pos(2, 1), "x\r\n", "").end());
    }

    @Test
    void lineBreaksCountLfCrlfAndLoneCr() {
        assertEquals(List.of("a", "b", "c", "d", ""), LineBreaks.split("a\nb\r\nc\rd\r"));
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {0, 2, 5, 7}, LineBreaks.starts("a\nb\r\nc\rd"));
    }

    @Test
    void skipsAFixWhoseOldTextIsNotThere() {
        Fixes.Applied r = Fixes.apply("a: 1\n", List.of(Fix.replace("b", new Pos(1, 1), "b", "c")));
        assertEquals("a: 1\n", r.text());
        assertEquals(0, r.count());
    }

    @Test
    void skipsAPositionPastTheFileOrTheLine() {
        assertEquals(0, Fixes.apply("a: 1", List.of(Fix.insert("x", new Pos(2, 1), "b\n"))).count());
        assertEquals(0, Fixes.apply("a: 1\n", List.of(Fix.insert("x", new Pos(1, 9), "b"))).count());
    }

    @Test
    void takesTheFirstOfTwoOverlappingFixesWhole() {
        Fix first = new Fix("two edits", List.of(new Fix.Edit(new Pos(1, 1), "ab", "AB"), new Fix.Edit(new Pos(2, 1), "c", "C")));
        Fix overlapping = Fix.replace("b", new Pos(1, 2), "b", "X");
        Fixes.Applied r = Fixes.apply("abc\nc\n", List.of(first, overlapping));
        assertEquals("ABc\nC\n", r.text());
        assertEquals(1, r.count());
    }

    @Test
    void editEndsAfterItsOldText() {
        assertEquals(new Pos(3, 8), new Fix.Edit(new Pos(3, 3), "extra", "x").end());
        assertEquals(new Pos(4, 2), new Fix.Edit(new Pos(3, 3), "ab\nc", "x").end());
        assertEquals(new Pos(1, 5), new Fix.Edit(new Pos(1, 5), "", "x").end());
    }
}
