package dev.launchc.diff;

import dev.launchc.catalog.KubeFlags;
import dev.launchc.model.internal.ArgsLines;
import dev.launchc.resolve.KubeArgs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The kubelet policies a running node cannot simply change. The CPU and memory managers record
 * their policy in a checkpoint file under the kubelet's root directory, and on start refuse a
 * configured policy other than the recorded one: pkg/kubelet/cm/cpumanager/state/state_checkpoint.go
 * ("configured policy %q differs from state checkpoint policy %q, please drain this node and delete
 * the CPU manager checkpoint file ... before restarting Kubelet") and
 * pkg/kubelet/cm/memorymanager/state/state_checkpoint.go (the same for memory_manager_state). The
 * kubelet then exits, and under MicroK8s kubelite with it: the whole node is down until someone
 * deletes the file. A node that never ran the kubelet has no checkpoint, so only an edit of a node
 * that ran (a config change, a remediation) needs the step; a new --root-dir starts without one.
 */
final class KubeletCheckpoints {
    private KubeletCheckpoints() {}

    private record Policy(String flag, String defaultValue, String checkpoint, String manager) {}

    /** Each policy, its default when the flag is absent (kubelet's own), and its checkpoint file. */
    private static final List<Policy> POLICIES = List.of(
            new Policy("--cpu-manager-policy", "none", "cpu_manager_state", "CPU manager"),
            new Policy("--memory-manager-policy", "None", "memory_manager_state", "memory manager"));

    /** MicroK8s' kubelet root directory (its default args: --root-dir=${SNAP_COMMON}/var/lib/kubelet). */
    private static final String SNAP_COMMON = "/var/snap/microk8s/common";
    /** The kubelet's own default --root-dir. */
    private static final String KUBELET_ROOT_DIR = "/var/lib/kubelet";

    /**
     * The manual steps for the kubelet of a node that ran with args file {@code before} and will
     * restart with {@code after} (either null: no such file, the kubelet's defaults), each starting
     * with {@code when} (the moment the step must be done by).
     */
    static List<String> steps(String before, String after, String when) {
        if (before == null && after == null) {
            return List.of();
        }
        Map<String, String> old = ArgsLines.read(before);
        Map<String, String> now = ArgsLines.read(after);
        String rootDir = value(now, "--root-dir", KUBELET_ROOT_DIR);
        if (!rootDir.equals(value(old, "--root-dir", KUBELET_ROOT_DIR))) {
            return List.of(); // a kubelet in another root directory finds no checkpoint
        }
        List<String> steps = new ArrayList<>();
        for (Policy p : POLICIES) {
            String was = value(old, p.flag(), p.defaultValue());
            String will = value(now, p.flag(), p.defaultValue());
            if (!was.equals(will)) {
                String file = rootDir.replace("${SNAP_COMMON}", SNAP_COMMON).replace("$SNAP_COMMON", SNAP_COMMON) + "/" + p.checkpoint();
                steps.add(when + ": the kubelet's " + p.flag() + " goes from " + was + " to " + will + "; drain the node and delete "
                        + file + ", or the kubelet, and kubelite with it, refuses to start (the " + p.manager()
                        + "'s checkpoint still records " + was + ")");
            }
        }
        return steps;
    }

    /** The last line of an args file naming {@code flag} ('_' or '-' alike), as kubelite passes it on; else {@code absent}. */
    private static String value(Map<String, String> args, String flag, String absent) {
        String found = absent;
        for (Map.Entry<String, String> e : args.entrySet()) {
            if (KubeFlags.normalize(e.getKey()).equals(flag) && e.getValue() != null) {
                found = KubeArgs.kubeliteView(e.getValue()).strip();
            }
        }
        return found;
    }
}
