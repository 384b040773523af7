package dev.launchc.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.launchc.diag.Diagnostic;
import dev.launchc.diag.Mode;
import dev.launchc.diag.Reporter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A BOM after the file's start, as MicroK8s reads it: at the start of a part (after a '---' line)
 * yaml.v2's reader drops it (readerc.go yaml_parser_determine_encoding, on each part that
 * apimachinery's YAML reader splits off); at the start of another line the scanner skips it as one
 * column (scannerc.go yaml_parser_scan_to_next_token).
 */
class YamlLoaderBomTest {
    private static LoadedFile load(String text, List<Diagnostic> into) {
        Reporter reporter = new Reporter("b.yaml", Mode.DEFAULT);
        LoadedFile file = new YamlLoader(LoadLimits.DEFAULTS).load("b.yaml", text.getBytes(StandardCharsets.UTF_8), reporter);
        into.addAll(reporter.diagnostics());
        return file;
    }

    private static List<String> keys(LoadedFile file, int document) {
        return ((YMap) file.documents().get(document).root()).entries().stream().map(e -> e.key().text()).toList();
    }

    @Test
    void aPartThatStartsWithABomReadsAsWithout() {
        List<Diagnostic> found = new java.util.ArrayList<>();
        LoadedFile file = load("\uFEFFversion: 0.2.0\n---\n\uFEFFversion: 0.2.0\r\nextraSANs: [b.example]\n---  \r\n\uFEFFversion: 0.2.0\n", found);
        assertEquals(List.of(), found);
        assertEquals(3, file.documents().size());
        assertEquals(List.of("version", "extraSANs"), keys(file, 1));
        assertEquals(List.of("version"), keys(file, 2));
        assertEquals(4, ((YMap) file.documents().get(1).root()).entries().stream().toList().get(1).key().pos().line());
    }

    @Test
    void aBomThatStartsAnotherLineIsAColumnAsYamlV2SkipsIt() {
        List<Diagnostic> found = new java.util.ArrayList<>();
        LoadedFile file = load("version: 0.2.0\n\uFEFFextraSANs: [b.example]\n", found);
        assertEquals(1, found.size(), found::toString);
        assertEquals("LC0001", found.get(0).code());
        assertEquals(2, found.get(0).line());
        assertTrue(file.failed());
        // a part whose first line is blank: the BOM is not at the part's start
        found.clear();
        LoadedFile indented = load("version: 0.2.0\n---\n\n\uFEFFversion: 0.2.0\n", found);
        assertEquals(List.of(), found);
        assertEquals(2, ((YMap) indented.documents().get(1).root()).entries().iterator().next().key().pos().column());
    }

    @Test
    void withoutABomNothingChanges() {
        String text = "version: 0.2.0\n---\nversion: 0.2.0\n";
        assertEquals(text, Yaml11Boms.asYamlV2Reads(text));
        assertEquals("a\n---\nb\n c\r\n", Yaml11Boms.asYamlV2Reads("a\n---\n\uFEFFb\n\uFEFFc\r\n"));
    }
}
