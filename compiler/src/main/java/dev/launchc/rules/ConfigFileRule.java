package dev.launchc.rules;

import dev.launchc.diag.Code;
import dev.launchc.model.internal.ArgEntry;
import dev.launchc.model.internal.Part;

/**
 * LC1023 (BAD_CONFIG_FILE_NAME, an error in every mode): an extraConfigFiles name that is empty,
 * {@code .}, {@code ..}, or holds '/', '\' or NUL. MicroK8s writes each entry to
 * {@code $SNAP_DATA/args/<name>}; its intended "no slashes" check has its arguments swapped, so only
 * "" and "/" are refused and {@code ../x} escapes args/ (reference launch-config-facts §4.7).
 * Reported at the key.
 */
public final class ConfigFileRule implements Rule {
    @Override
    public void check(RuleContext ctx) {
        for (Part part : ctx.config().parts()) {
            for (ArgEntry e : part.configFiles()) {
                String problem = problem(e.key());
                if (problem == null && directories(ctx).contains(e.key())) {
                    problem = "extraConfigFiles name '" + e.key() + "' is a directory of args/ on the node"
                            + " (args/" + e.key() + "/), so the file cannot be written";
                }
                if (problem != null) {
                    ctx.atKey(Code.BAD_CONFIG_FILE_NAME, part, e.pointer(), problem
                            + "; MicroK8s writes extraConfigFiles to $SNAP_DATA/args/<name>",
                            "use a plain file name such as flannel-network-mgr-config");
                }
            }
        }
    }

    /** The directories the track's default files make under args/ (certs.d, cni-network, ...). */
    private static java.util.Set<String> directories(RuleContext ctx) {
        java.util.Set<String> dirs = new java.util.TreeSet<>();
        for (String path : ctx.track().defaultArgs().keySet()) {
            if (path.indexOf('/') > 0) {
                dirs.add(path.substring(0, path.indexOf('/')));
            }
        }
        return dirs;
    }

    static String problem(String name) {
        if (name.isEmpty()) {
            return "extraConfigFiles has an empty file name";
        }
        String shown = "extraConfigFiles name '" + name.replace("\0", "\\0") + "'";
        if (name.equals(".") || name.equals("..")) {
            return shown + " names a directory, not a file";
        }
        if (name.indexOf('\0') >= 0) {
            return shown + " holds a NUL character";
        }
        if (name.indexOf('/') >= 0) {
            return shown + " holds '/', so the file would be written outside args/ or in a subdirectory";
        }
        if (name.indexOf('\\') >= 0) {
            return shown + " holds '\\'";
        }
        return null;
    }
}
