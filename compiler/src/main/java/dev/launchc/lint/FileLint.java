package dev.launchc.lint;

import dev.launchc.diag.Diagnostic;
import dev.launchc.model.internal.LaunchConfig;
import java.util.List;

/** The outcome of linting one file. {@code config} is null when the file did not load; {@code source} is for snippets. */
public record FileLint(String file, String kind, List<Diagnostic> diagnostics, LaunchConfig config,
        dev.launchc.load.SourceFile source, ClusterLinter.Result cluster) {

    public FileLint(String file, String kind, List<Diagnostic> diagnostics, LaunchConfig config,
            dev.launchc.load.SourceFile source) {
        this(file, kind, diagnostics, config, source, null);
    }

    /**
     * This result as a report of the whole run needs it: a clean file keeps its name, kind and (no)
     * findings, but neither its models nor its text, which a report only reads to show the lines of
     * findings (redacted by the config's secrets). A lint of thousands of files holds every result
     * until the report: their trees would survive each young collection and be copied along.
     */
    public FileLint forReport() {
        return diagnostics.isEmpty() && (config != null || source != null || cluster != null)
                ? new FileLint(file, kind, diagnostics, null, null, null) : this;
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.severity() == dev.launchc.diag.Severity.ERROR);
    }

    /**
     * Secret values in this file (tokens, the token part of join URLs), so that output that shows
     * source lines can mask them.
     */
    public java.util.List<String> secrets() {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (config == null) {
            return out;
        }
        for (var part : config.parts()) {
            if (part.persistentClusterToken() != null && !part.persistentClusterToken().text().isEmpty()) {
                out.add(part.persistentClusterToken().text());
            }
            if (part.join() != null) {
                String[] pieces = part.join().url().split("/");
                if (pieces.length >= 2 && !pieces[1].isEmpty()) {
                    out.add(pieces[1]);
                }
            }
        }
        return out;
    }

    /**
     * A line of this file with every secret value replaced by {@code <redacted>}. The longest
     * secret goes first: a shorter one that is part of it (a token that is the start of the join
     * URL's token) would otherwise cut it and leave the rest of it on show.
     */
    public String redact(String line) {
        String result = line;
        java.util.List<String> secrets = secrets();
        secrets.sort(java.util.Comparator.comparingInt(String::length).reversed());
        for (String secret : secrets) {
            result = result.replace(secret, "<redacted>");
        }
        return result;
    }

    public boolean hasWarnings() {
        return diagnostics.stream().anyMatch(d -> d.severity() == dev.launchc.diag.Severity.WARNING);
    }
}
