package dev.launchc.cli;

import dev.launchc.diag.Mode;
import dev.launchc.lint.FileLint;
import dev.launchc.lint.Linter;
import dev.launchc.load.LoadLimits;
import java.util.List;
import picocli.CommandLine.Mixin;

/** What every command that lints takes: mode, target track and loader limits. */
public final class LintOptions {
    @Mixin
    ModeOptions modes;

    @Mixin
    TargetOption target;

    @Mixin
    LimitOptions limitOptions;

    public LoadLimits limits() {
        return limitOptions.limits();
    }

    public Linter linter() {
        return new Linter(target.track(), target.explicit(), modes.mode(), limits());
    }

    public Mode mode() {
        return modes.mode();
    }

    /** Whether --target was given (a config's own track then does not decide). */
    public boolean targetExplicit() {
        return target.explicit();
    }

    public dev.launchc.catalog.Track track() {
        return target.track();
    }

    /** Errors fail a run; under --strict, warnings do too. */
    public boolean fails(List<FileLint> results) {
        boolean errors = results.stream().anyMatch(FileLint::hasErrors);
        boolean warnings = results.stream().anyMatch(FileLint::hasWarnings);
        return errors || (modes.mode() == Mode.STRICT && warnings);
    }
}
