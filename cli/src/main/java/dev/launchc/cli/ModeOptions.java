package dev.launchc.cli;

import dev.launchc.diag.Mode;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** {@code --strict} / {@code --compat}: mutually exclusive. */
public final class ModeOptions {
    static final class Choice {
        @Option(names = "--strict", description = "Warnings fail the run too.")
        boolean strict;

        @Option(names = "--compat", description = "Errors only for what MicroK8s itself rejects; the rest are warnings.")
        boolean compat;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Choice choice;

    /** True when --strict or --compat was given: it then wins over the settings file's mode. */
    public boolean explicit() {
        return choice != null && (choice.strict || choice.compat);
    }

    public Mode mode() {
        if (choice == null) {
            return Mode.DEFAULT;
        }
        return choice.strict ? Mode.STRICT : choice.compat ? Mode.COMPAT : Mode.DEFAULT;
    }
}
