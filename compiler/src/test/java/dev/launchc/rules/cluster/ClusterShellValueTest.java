package dev.launchc.rules.cluster;

import static dev.launchc.rules.cluster.ClusterFixtures.assertAll;
import static dev.launchc.rules.cluster.ClusterFixtures.assertClean;
import static dev.launchc.rules.cluster.ClusterFixtures.error;

import org.junit.jupiter.api.Test;

/**
 * ShellValueRule (LC1029) judges a cluster file's env maps too, at the value the user wrote.
 * Found by LintClusterFuzzTest: the cluster linted clean and only its derived seed held the error.
 * canonical/microk8s microk8s-resources/wrappers/run-containerd-with-args sources
 * args/containerd-env with {@code set -a; . file; set +a}, where services.containerdEnv lands.
 */
class ClusterShellValueTest {
    private static final String RULE = "shell-value";

    @Test
    void quoteInContainerdEnv() {
        assertAll(RULE, "quote", error("LC1029", 10, 20, "value of HTTPS_PROXY in services.containerdEnv holds a quote"
                + " (\"); bash sources args/containerd-env", "use a plain value (no quotes, blanks, $(...), backticks, ; & | < > or #)"));
    }

    @Test
    void plainValuesAndPathExpansion() {
        assertClean(RULE, "clean");
    }
}
