package dev.launchc.rules;

import dev.launchc.diag.Code;
import dev.launchc.model.internal.ArgEntry;
import dev.launchc.model.internal.Part;

/**
 * LC1023 (BAD_CONFIG_FILE_NAME, an error in every mode, the one deliberate refusal of --compat): an
 * extraConfigFiles name that is empty, {@code .}, {@code ..}, or holds '/', '\' or NUL. MicroK8s writes each entry to
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
                if (problem == null && e.key().indexOf('/') >= 0) {
                    problem = slashProblem(e.key(), directories(ctx));
                }
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

    /**
     * A name with '/'. MicroK8s (pkg/k8sinit/apply.go) means to refuse it, but its test is written
     * backwards ({@code strings.Contains("/", name)}: only "" and "/" are refused), and
     * pkg/snap/snap.go writes {@code filepath.Join($SNAP_DATA, "args", name)} with os.WriteFile,
     * which does not create folders. launchc refuses every such name in every mode, --compat
     * included: the one place where it refuses what MicroK8s accepts.
     */
    static String slashProblem(String name, java.util.Set<String> defaultDirectories) {
        String shown = "extraConfigFiles name '" + name + "'";
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>(java.util.List.of("args"));
        for (String element : name.split("/")) {
            if (element.equals("..")) {
                parts.pollLast();
            } else if (!element.isEmpty() && !element.equals(".")) {
                parts.addLast(element);
            }
        }
        String written = String.join("/", parts);
        if (parts.isEmpty() || !"args".equals(parts.peekFirst())) {
            return shown + " makes MicroK8s write $SNAP_DATA/" + written + ", outside args/: its guard against '/' is"
                    + " written backwards (strings.Contains(\"/\", name)), so it accepts the name. launchc refuses it"
                    + " in every mode, --compat included";
        }
        if (parts.size() == 1) {
            // "sub/..", "//": filepath.Join cleans the name to args/ itself, and os.WriteFile cannot write a directory.
            return shown + " resolves to args/ itself, a directory: MicroK8s' write fails and the configuration is"
                    + " not applied";
        }
        String folder = written.substring(0, written.lastIndexOf('/'));
        if (!folder.equals("args") && !defaultDirectories.contains(folder.substring("args/".length()))) {
            return shown + " would be written to " + written + ", but the folder " + folder + "/ does not exist on the"
                    + " node: MicroK8s does not create it, so the write fails and the configuration is not applied";
        }
        return shown + " holds '/' (MicroK8s writes " + written + "); launchc refuses names with '/' in every mode,"
                + " --compat included, as they write beside or over the track's own files";
    }

    /** The directories the track's default files make under args/ (certs.d, certs.d/docker.io, cni-network, ...). */
    private static java.util.Set<String> directories(RuleContext ctx) {
        java.util.Set<String> dirs = new java.util.TreeSet<>();
        for (String path : ctx.track().defaultArgs().keySet()) {
            for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
                dirs.add(path.substring(0, slash));
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
        if (name.indexOf('\\') >= 0) {
            return shown + " holds '\\'";
        }
        return null;
    }
}
