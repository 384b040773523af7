package dev.launchc.plan;

import java.util.List;

/**
 * One step of the install sequence, in the order MicroK8s runs it.
 *
 * @param phase "pre-init" (install hook, files only), "generate-cni", or "full" (cluster agent)
 * @param action e.g. write-file, addon-repo-add, addon-enable, addon-disable, token-add, join, restart
 * @param argv the command MicroK8s runs, with secrets redacted; empty for file writes
 * @param note what cannot be known at compile time, or a MicroK8s quirk worth knowing; may be null
 */
public record Step(String phase, int part, String action, List<String> argv, String file, String note) {}
