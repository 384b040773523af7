package dev.launchc.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The kubelet's CPU and memory managers refuse a policy other than the one their checkpoint
 * records (pkg/kubelet/cm/cpumanager/state/state_checkpoint.go and
 * pkg/kubelet/cm/memorymanager/state/state_checkpoint.go: "configured policy ... differs from state
 * checkpoint policy ..."), so changing one on a node that ran needs the file deleted first.
 */
class KubeletCheckpointsTest {
    private static final String BASE = "--root-dir=${SNAP_COMMON}/var/lib/kubelet\n--fail-swap-on=false\n";
    private static final String WHEN = "before it restarts";
    private static final String CPU_STEP = "before it restarts: the kubelet's --cpu-manager-policy goes from none to static; drain the"
            + " node and delete /var/snap/microk8s/common/var/lib/kubelet/cpu_manager_state, or the kubelet, and kubelite with it,"
            + " refuses to start (the CPU manager's checkpoint still records none)";

    @Test
    void aNewCpuPolicyNeedsItsCheckpointDeleted() {
        assertEquals(List.of(CPU_STEP), KubeletCheckpoints.steps(BASE, BASE + "--cpu-manager-policy=static\n", WHEN));
        // spelled with '_' and quoted, as kubelite reads it
        assertEquals(List.of(CPU_STEP), KubeletCheckpoints.steps(BASE + "--cpu-manager-policy=none\n",
                BASE + "--cpu_manager_policy=\"static\"\n", WHEN));
    }

    @Test
    void backToTheDefaultToo() {
        assertEquals(List.of("before it restarts: the kubelet's --memory-manager-policy goes from Static to None; drain the node"
                + " and delete /var/snap/microk8s/common/var/lib/kubelet/memory_manager_state, or the kubelet, and kubelite with it,"
                + " refuses to start (the memory manager's checkpoint still records Static)"),
                KubeletCheckpoints.steps(BASE + "--memory-manager-policy=Static\n", BASE, WHEN));
    }

    @Test
    void nothingWhenThePolicyStaysOrTheRootDirectoryMoves() {
        assertEquals(List.of(), KubeletCheckpoints.steps(BASE + "--cpu-manager-policy=static\n", BASE + "--cpu-manager-policy=static\n--v=4\n", WHEN));
        assertEquals(List.of(), KubeletCheckpoints.steps(BASE, "--root-dir=/srv/kubelet\n--cpu-manager-policy=static\n", WHEN));
        assertEquals(List.of(), KubeletCheckpoints.steps(null, null, WHEN));
    }

    @Test
    void theKubeletsOwnRootDirectoryWithoutTheFlag() {
        assertEquals(List.of("before it restarts: the kubelet's --cpu-manager-policy goes from none to static; drain the node and"
                + " delete /var/lib/kubelet/cpu_manager_state, or the kubelet, and kubelite with it, refuses to start (the CPU"
                + " manager's checkpoint still records none)"), KubeletCheckpoints.steps("", "--cpu-manager-policy=static\n", WHEN));
    }
}
