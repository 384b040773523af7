package dev.launchc.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.launchc.diag.Diagnostic;
import dev.launchc.diag.Mode;
import dev.launchc.diag.Pos;
import dev.launchc.diag.Reporter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tabs between tokens, as gopkg.in/yaml.v2 2.4.0 scans them (scannerc.go,
 * yaml_parser_scan_to_next_token: a tab is skipped only when flow_level > 0 or a simple key is not
 * allowed, i.e. after a scalar or a closing bracket; at the start of a line and after the block
 * indicators ':', '-' and '?' a simple key is allowed, so the tab cannot start a token and the
 * file is refused). {@code <TAB>} in a case stands for a tab.
 */
class YamlLoaderTabTest {

    private static List<Diagnostic> findings(String text) {
        Reporter reporter = new Reporter("tab.yaml", Mode.DEFAULT);
        new YamlLoader(LoadLimits.DEFAULTS).load(new SourceFile("tab.yaml", text.replace("<TAB>", "\t")), reporter);
        return reporter.diagnostics();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            a:\\n  --max-pods: "110"<TAB># c
            a:\\n  --max-pods: "110"<TAB>
            a:\\n  --max-pods: '110'<TAB><TAB> # c
            a: [x.example,<TAB>y.example]
            a: [x.example,\\n<TAB>y.example]
            a: {k:<TAB>v,<TAB>l: w}
            a: [x]<TAB># c
            a: &anchor<TAB>x
            a:\\n  - "x"<TAB>
            ---<TAB>\\na: x
            """)
    void tabsYamlV2SkipsAreAccepted(String yaml) {
        List<Diagnostic> d = findings(yaml.replace("\\n", "\n"));
        assertTrue(d.isEmpty(), () -> yaml + ": " + d);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', quoteCharacter = '`', textBlock = """
            a:\\n<TAB>--max-pods: "110"                ; 2 ; 1
            a:\\n  --max-pods:<TAB>"110"               ; 2 ; 14
            a:\\n  -<TAB>x                              ; 2 ; 4
            a:<TAB>[x]                                  ; 1 ; 3
            a: |\\n  text\\n<TAB>b: "x"                ; 3 ; 1
            a: "[x"\\nb:<TAB>"y"                        ; 2 ; 3
            a: x # [y\\nb:<TAB>"y"                      ; 2 ; 3
            """)
    void tabsYamlV2RefusesStayRefused(String yaml, int line, int column) {
        List<Diagnostic> d = findings(yaml.replace("\\n", "\n"));
        assertEquals(List.of("LC0006"), d.stream().map(Diagnostic::code).toList(), () -> yaml + ": " + d);
        assertEquals(new Pos(line, column), new Pos(d.get(0).line(), d.get(0).column()), yaml);
    }

    @Test
    void aSkippedTabChangesNoValueAndNoPosition() {
        Reporter reporter = new Reporter("tab.yaml", Mode.DEFAULT);
        LoadedFile file = new YamlLoader(LoadLimits.DEFAULTS).load(
                new SourceFile("tab.yaml", "a:\n  --max-pods: \"1\t0\"\t# c\n  --v: x\nb: [\"p\tq\",\tr]\n"), reporter);
        assertTrue(reporter.diagnostics().isEmpty(), () -> reporter.diagnostics().toString());
        assertFalse(file.failed());
        YDocument doc = file.documents().get(0);
        assertEquals("1\t0", ((YScalar) doc.at("/a/--max-pods")).text());
        assertEquals(new Pos(3, 3), doc.keyPos("/a/--v"));
        assertEquals("p\tq", ((YScalar) doc.at("/b/0")).text());
        assertEquals(new Pos(4, 12), doc.valuePos("/b/1"));
    }

    /** Each skipped tab costs a parse: past a bound the next one is refused as before, never a crash or a hang. */
    @Test
    void manySkippedTabsEndInARefusalNotACrash() {
        StringBuilder yaml = new StringBuilder("a: [");
        for (int i = 0; i < 400; i++) {
            yaml.append("h").append(i).append(",\t");
        }
        List<Diagnostic> d = findings(yaml.append("z]\n").toString());
        assertEquals(List.of("LC0006"), d.stream().map(Diagnostic::code).toList(), d::toString);
        List<Diagnostic> few = findings("a: [h0,\th1,\th2,\th3]\n");
        assertTrue(few.isEmpty(), few::toString);
    }
}
