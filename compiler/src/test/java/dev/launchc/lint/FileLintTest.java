package dev.launchc.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.launchc.catalog.Catalog;
import dev.launchc.catalog.Track;
import dev.launchc.diag.Mode;
import dev.launchc.load.LoadLimits;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What a result keeps once its file is done: a batch run holds every result until the report. */
class FileLintTest {
    private static FileLint lint(String text) {
        Track track = Catalog.get().track("1.32").orElseThrow();
        return new Linter(track, Mode.DEFAULT, LoadLimits.DEFAULTS).lint("node.yaml", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aCleanFileKeepsItsNameAndKindButNoModelNorText() {
        FileLint clean = lint("version: 0.2.0\nextraKubeletArgs:\n  --max-pods: \"110\"\n");
        assertEquals(0, clean.diagnostics().size(), clean.diagnostics().toString());
        assertNotNull(clean.config());
        FileLint kept = clean.forReport();
        assertEquals("node.yaml", kept.file());
        assertEquals(Linter.KIND_NATIVE, kept.kind());
        assertEquals(clean.diagnostics(), kept.diagnostics());
        assertNull(kept.config());
        assertNull(kept.source());
        assertNull(kept.cluster());
    }

    @Test
    void aFileWithFindingsKeepsWhatItsReportShowsAndRedactsWith() {
        // An unknown key (a finding), and a token that the report's source lines must mask.
        FileLint withFindings = lint("version: 0.2.0\npersistentClusterToken: 0123456789abcdef0123456789abcdef\nextraKubletArgs: {}\n");
        assertEquals(false, withFindings.diagnostics().isEmpty());
        assertSame(withFindings, withFindings.forReport());
        assertEquals("token: <redacted>", withFindings.forReport().redact("token: 0123456789abcdef0123456789abcdef"));
    }
}
