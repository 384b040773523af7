package dev.launchc.diag;

/** How findings are weighed; see SPEC §3 "Modes". */
public enum Mode {
    /** Errors for what MicroK8s rejects or what certainly breaks the node; warnings for likely mistakes. */
    DEFAULT,
    /** As DEFAULT, but warnings also fail the run. */
    STRICT,
    /** Errors only for what MicroK8s itself rejects, so the verdict predicts the install step. */
    COMPAT
}
