package dev.launchc.cli.format;

import dev.launchc.lint.FileLint;
import java.util.List;

/** JUnit XML (to be completed). */
public final class JunitFormat implements ReportFormat {
    @Override
    public String render(List<FileLint> results) {
        throw new UnsupportedOperationException("junit");
    }
}
