package dev.launchc.cli.format;

import dev.launchc.lint.FileLint;
import java.util.List;

/** SARIF 2.1.0 (to be completed). */
public final class SarifFormat implements ReportFormat {
    @Override
    public String render(List<FileLint> results) {
        throw new UnsupportedOperationException("sarif");
    }
}
