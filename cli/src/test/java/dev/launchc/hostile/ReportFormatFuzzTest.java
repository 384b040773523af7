package dev.launchc.hostile;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.launchc.catalog.Catalog;
import dev.launchc.cli.format.ReportFormat;
import dev.launchc.diag.Mode;
import dev.launchc.lint.FileLint;
import dev.launchc.lint.Linter;
import dev.launchc.load.LoadLimits;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.xml.sax.SAXException;

/**
 * Raw bytes through the linter, as {@code launchc lint} reads a file, then through every report
 * format: each renders the result, the machine formats parse back, and the text report carries no
 * raw control or line-break character from the input. (The fuzz module's LintNativeFuzzTest keeps
 * lint's own invariants over the same kind of input; the formats are the CLI's.) Seeds:
 * {@code ReportFormatFuzzTestInputs/reportFormats/}, LintNativeFuzzTest's corpus.
 */
class ReportFormatFuzzTest {
    static final String NAME = "fuzz.yaml";
    private static final Linter LINTER = new Linter(Catalog.get().track(Catalog.get().newestTrack()).orElseThrow(), Mode.DEFAULT,
            LoadLimits.DEFAULTS);

    @FuzzTest(maxDuration = Cli.BUDGET)
    void reportFormats(byte[] bytes) {
        checkFormats(LINTER.lint(NAME, bytes));
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every report format renders the result, and the machine formats parse back. */
    static void checkFormats(FileLint lint) {
        List<FileLint> results = List.of(lint);
        for (ReportFormat.Kind kind : ReportFormat.Kind.values()) {
            String out = ReportFormat.of(kind).render(results);
            check(out != null, kind + ": no output");
            switch (kind) {
                case json, sarif -> {
                    try {
                        JSON.readTree(out);
                    } catch (IOException e) {
                        throw new AssertionError(kind + " output is not JSON: " + e.getMessage() + "\n" + out, e);
                    }
                }
                case junit -> {
                    try {
                        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
                        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                        f.newDocumentBuilder().parse(new ByteArrayInputStream(out.getBytes(StandardCharsets.UTF_8)));
                    } catch (ParserConfigurationException | SAXException | IOException e) {
                        throw new AssertionError("junit output is not XML: " + e.getMessage() + "\n" + out, e);
                    }
                }
                case text -> {
                    for (int i = 0; i < out.length(); i++) {
                        char c = out.charAt(i);
                        boolean bad = c < 0x20 && c != '\n' && c != '\t' || c == 0x7f || c >= 0x80 && c < 0xa0
                                || c == 0x2028 || c == 0x2029;
                        check(!bad, "raw control or line-break character U+" + Integer.toHexString(c)
                                + " from the input in the text report (forged lines, terminal escapes):\n" + out);
                    }
                }
                default -> throw new AssertionError(kind);
            }
        }
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }
}
