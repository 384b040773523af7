package dev.launchc.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.junit.jupiter.api.Test;

/** The range of a finding's key or value, from the 1-based position lint reports. */
class RangesTest {
    private static Range range(String line, int column1) {
        return Ranges.of(new TextLines(line + "\n"), 1, column1);
    }

    private static Range on(int from, int to) {
        return new Range(new Position(0, from), new Position(0, to));
    }

    @Test
    void aKeyEndsAtItsColon() {
        assertEquals(on(2, 14), range("  --clster-dns: 10.152.183.10", 3));
    }

    @Test
    void aPlainValueEndsBeforeATrailingComment() {
        assertEquals(on(16, 29), range("  --clster-dns: 10.152.183.10  # dns", 17));
    }

    @Test
    void aQuotedValueIncludesItsQuotes() {
        assertEquals(on(14, 23), range("  --max-pods: \"150 # x\"", 15));
        assertEquals(on(8, 15), range("  name: 'it''s'", 9));
    }

    @Test
    void aFlowItemEndsAtItsComma() {
        assertEquals(on(12, 20), range("extraSANs: [10.0.0.1, bad name]", 13));
    }

    @Test
    void aFindingWithNothingToUnderlineCoversTheLine() {
        assertEquals(on(2, 10), range("  kubelet:", 11));
    }

    @Test
    void theContextOfAHalfTypedKeyIsItsIndentation() {
        TextLines lines = new TextLines("spec:\n  services:\n    kubelet:\n      --max-p\n  nodes:\n    - name: a\n      gpu:\n        model: H100-80GB\n        migConfig: all\n");
        YamlContext flag = YamlContext.at(lines, 3, 13, true);
        assertEquals(List.of("spec", "services", "kubelet"), flag.parents());
        assertEquals("--max-p", flag.word());
        YamlContext mig = YamlContext.at(lines, 8, 22, true);
        assertEquals(List.of("spec", "nodes", "-", "gpu"), mig.parents());
        assertEquals("migConfig", mig.key());
        assertEquals("all", mig.word());
        assertEquals("H100-80GB", Completions.siblingValue(lines, 8, "model"));
    }
}
