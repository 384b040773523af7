package dev.launchc.cli.format;

import dev.launchc.diag.Diagnostic;
import dev.launchc.diag.Severity;
import dev.launchc.lint.FileLint;
import java.util.List;

/** Counts over a lint run. */
public record Summary(int files, int errors, int warnings, int infos) {
    public static Summary of(List<FileLint> results) {
        int e = 0;
        int w = 0;
        int i = 0;
        for (FileLint r : results) {
            for (Diagnostic d : r.diagnostics()) {
                if (d.severity() == Severity.ERROR) {
                    e++;
                } else if (d.severity() == Severity.WARNING) {
                    w++;
                } else {
                    i++;
                }
            }
        }
        return new Summary(results.size(), e, w, i);
    }
}
