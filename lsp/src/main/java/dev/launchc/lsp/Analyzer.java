package dev.launchc.lsp;

import dev.launchc.catalog.Catalog;
import dev.launchc.catalog.Track;
import dev.launchc.diag.Code;
import dev.launchc.diag.Severity;
import dev.launchc.diag.Suppressions;
import dev.launchc.lint.FileLint;
import dev.launchc.lint.Linter;
import dev.launchc.pipeline.CompileOptions;
import dev.launchc.pipeline.CompilePipeline;
import dev.launchc.pipeline.TokenSource;
import dev.launchc.load.LoadLimits;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/** Lints a document's text the way {@code launchc lint} lints a file, and turns the findings into LSP diagnostics. */
public final class Analyzer {
    static final String SOURCE = "launchc";

    private Analyzer() {}

    /**
     * Lints {@code text} as the file {@code name}. Like lint on a directory walk, YAML that is not a
     * launch config (a workflow, a manifest) gives an analysis without findings.
     */
    public static Analysis analyze(String uri, int version, String name, String text, LintSettings settings) {
        Track target = trackOf(settings);
        boolean explicit = settings.target() != null && target.name().equals(settings.target());
        Suppressions.Filter filter = new Suppressions.Filter(settings.disabled(), false);
        Linter linter = new Linter(target, explicit, settings.mode(), LoadLimits.DEFAULTS, filter);
        // As launchc lint judges it: a cluster file's derived seeds too, at the file's own lines.
        FileLint lint = CompilePipeline.lintWithSeeds(linter.lintIfLaunchConfig(name, text.getBytes(StandardCharsets.UTF_8)),
                new CompileOptions(target, explicit, settings.mode(), LoadLimits.DEFAULTS, filter, List.of(), TokenSource.STAND_IN));
        TextLines lines = new TextLines(text);
        if (lint == null) {
            return new Analysis(uri, version, text, lines, null, target, List.of());
        }
        Track track = lint.cluster() != null && lint.cluster().track() != null ? lint.cluster().track()
                : settings.target() == null ? writtenTrack(text).orElse(target) : target;
        List<Analysis.Finding> findings = new ArrayList<>();
        for (dev.launchc.diag.Diagnostic d : lint.diagnostics()) {
            findings.add(new Analysis.Finding(d, toLsp(lines, d)));
        }
        return new Analysis(uri, version, text, lines, lint, track, findings);
    }

    /**
     * The track a cluster file names in {@code spec.microk8s}, read from the text: hover and
     * completion are asked for while the file is half-typed and does not parse (lint then has no
     * cluster, and takes a file that does not load for a native one).
     */
    private static java.util.Optional<Track> writtenTrack(String text) {
        java.util.regex.Matcher m = SPEC_MICROK8S.matcher(text);
        return m.find() ? Catalog.get().track(m.group(1)) : java.util.Optional.empty();
    }

    private static final java.util.regex.Pattern SPEC_MICROK8S = java.util.regex.Pattern.compile("(?m)^\\s+microk8s:\\s*[\"']?([0-9]+\\.[0-9]+)");

    static Track trackOf(LintSettings settings) {
        Catalog catalog = Catalog.get();
        String name = settings.target() != null && catalog.tracks().contains(settings.target()) ? settings.target() : catalog.newestTrack();
        return catalog.track(name).orElseThrow();
    }

    static Diagnostic toLsp(TextLines lines, dev.launchc.diag.Diagnostic d) {
        Diagnostic out = new Diagnostic();
        out.setRange(Ranges.of(lines, d.line(), d.column()));
        out.setSeverity(severity(d.severity()));
        out.setSource(SOURCE);
        out.setCode(Either.forLeft(d.code()));
        if (Code.byId(d.code()).isPresent()) {
            out.setCodeDescription(new DiagnosticCodeDescription(Code.helpUri(d.code())));
        }
        out.setMessage(d.hint() == null || d.hint().isBlank() ? d.message() : d.message() + "\nhint: " + d.hint());
        return out;
    }

    private static DiagnosticSeverity severity(Severity s) {
        return switch (s) {
            case ERROR -> DiagnosticSeverity.Error;
            case WARNING -> DiagnosticSeverity.Warning;
            default -> DiagnosticSeverity.Information;
        };
    }
}
