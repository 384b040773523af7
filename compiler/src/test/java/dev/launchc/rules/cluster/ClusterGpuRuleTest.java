package dev.launchc.rules.cluster;

import static dev.launchc.rules.cluster.ClusterFixtures.assertAll;
import static dev.launchc.rules.cluster.ClusterFixtures.assertClean;
import static dev.launchc.rules.cluster.ClusterFixtures.error;
import static dev.launchc.rules.cluster.ClusterFixtures.warning;

import org.junit.jupiter.api.Test;

/** GpuRule: LC3009 arch, LC3010 MIG config, LC3011 model, LC3012 operator version, LC3023 no GPU addon. */
class ClusterGpuRuleTest {
    private static final String RULE = "gpu";
    private static final String FAILED = "MIG Manager finds no such entry, marks the node nvidia.com/mig.config.state=failed";

    @Test
    void familyExactAndLowerCaseModelsWithMixedStrategy() {
        assertClean(RULE, "clean");
    }

    @Test
    void aliasOfTheGpuAddonCounts() {
        assertClean(RULE, "alias-counts");
    }

    @Test
    void specGpuCountsAsTheAddon() {
        assertClean(RULE, "spec-gpu-counts");
    }

    @Test
    void arm64Node() {
        assertAll(RULE, "arm64", error("LC3009", 12, 13, "node gpu-1 is arm64 but has GPU settings: the nvidia addon on 1.32"
                + " supports only amd64", "remove gpu from node gpu-1, or set arch: amd64 if the node is amd64"));
    }

    @Test
    void operatorVersionWithoutV() {
        assertAll(RULE, "unknown-operator", error("LC3012", 8, 26, "GPU Operator version '24.6.2' is not in launchc's"
                + " catalog", "did you mean v24.6.2?"));
    }

    @Test
    void operatorVersionNothingClose() {
        assertAll(RULE, "unknown-operator-far", error("LC3012", 8, 26, "GPU Operator version 'latest'",
                "use one of v23.9.1, v24.6.2, v25.3.0, v25.3.2, v25.10.0, v26.7.0 (1.32 installs v24.6.2 by default)"));
    }

    @Test
    void misspeltModel() {
        assertAll(RULE, "unknown-model", error("LC3011", 12, 20, "GPU model 'H100-80G' of node gpu-1 is unknown to GPU"
                + " Operator v24.6.2", "did you mean H100-80GB?"));
    }

    @Test
    void modelThatDoesNotExist() {
        assertAll(RULE, "unknown-model-family", error("LC3011", 12, 20, "GPU model 'H100-PCIE-40GB'",
                "did you mean A100-PCIE-40GB?"));
    }

    @Test
    void modelNewerThanTheDefaultOperator() {
        assertAll(RULE, "unsupported-model", error("LC3011", 12, 20, "GPU model B200 of node gpu-1 is not supported by GPU"
                + " Operator v24.6.2", "GPU Operator v25.3.0 supports it: set spec.gpu.operatorVersion: v25.3.0"));
    }

    @Test
    void migConfigOfAnotherMemorySize() {
        assertAll(RULE, "bad-mig", error("LC3010", 12, 42, "MIG config 'all-1g.5gb' of node gpu-1 is not valid for"
                + " A100-80GB in GPU Operator v24.6.2: " + FAILED, "did you mean all-1g.10gb?"));
    }

    @Test
    void migConfigNothingCloseListsValidOnes() {
        assertAll(RULE, "bad-mig-list", error("LC3010", 12, 36, "MIG config 'everything' of node gpu-1 is not valid for A30",
                "valid for A30 in GPU Operator v24.6.2: all-disabled, all-enabled, all-1g.6gb, all-1g.6gb.me,"
                        + " all-2g.12gb, all-2g.12gb.me, … (8 in all)"));
    }

    @Test
    void migConfigOfANewerOperator() {
        assertAll(RULE, "mig-too-new", error("LC3010", 13, 42, "MIG config 'all-enabled' of node gpu-1 is not valid for"
                + " H100-80GB in GPU Operator v23.9.1", "all-enabled exists from GPU Operator v24.6.2 on: set"
                + " spec.gpu.operatorVersion: v24.6.2"));
    }

    @Test
    void migConfigValidOnOnlySomeVariants() {
        assertAll(RULE, "partial-mig", error("LC3010", 12, 42, "MIG config all-1g.10gb of node gpu-1 is valid only on"
                + " H800-PCIE-80GB among the H800-80GB variants in GPU Operator v24.6.2",
                "name the exact model (H800-PCIE-80GB) or pick a config valid on every variant: all-disabled,"
                        + " all-enabled, all-1g.10gb.me, all-1g.20gb, all-2g.20gb, all-3g.40gb, … (8 in all)"));
    }

    @Test
    void migConfigWithoutModelCheckedAgainstTheWholeConfigMap() {
        assertAll(RULE, "mig-without-model", error("LC3010", 12, 24, "is not valid in GPU Operator v24.6.2's MIG"
                + " configuration", "did you mean all-1g.10gb?"));
    }

    @Test
    void balancedUnderTheDefaultSingleStrategy() {
        assertAll(RULE, "balanced-single", error("LC3010", 12, 42, "MIG config all-balanced of node gpu-1 mixes MIG"
                + " profiles on each GPU, but the MIG strategy is single (the GPU Operator default when"
                + " spec.gpu.mig.strategy is not set)", "set spec.gpu.mig.strategy: mixed, or pick a single-profile"
                + " config such as all-1g.10gb"));
    }

    @Test
    void balancedUnderAnExplicitSingleStrategy() {
        assertAll(RULE, "balanced-explicit-single", error("LC3010", 13, 42, "but spec.gpu.mig.strategy is single:",
                "set spec.gpu.mig.strategy: mixed, or pick a single-profile config such as all-1g.10gb"));
    }

    @Test
    void migUnderStrategyNone() {
        assertAll(RULE, "strategy-none", error("LC3010", 13, 42, "MIG config all-1g.10gb of node gpu-1 turns MIG on, but"
                + " spec.gpu.mig.strategy is none", "set spec.gpu.mig.strategy: single or mixed, or use all-disabled"));
    }

    @Test
    void gpuNodesWithoutAddonOnceAtTheFirst() {
        assertAll(RULE, "no-addon", warning("LC3023", 13, 55, "node gpu-1 (and 1 more) has GPU settings, but the cluster"
                + " enables no GPU addon: without nvidia in spec.addons or a spec.gpu block nothing installs the GPU"
                + " Operator", "add '- name: nvidia' to spec.addons, or a spec.gpu block"));
    }

    @Test
    void track128UsesTheGpuAddonAndItsOperatorDefault() {
        assertAll(RULE, "track-1-28",
                warning("LC3023", 10, 7, "without gpu in spec.addons", "add '- name: gpu' to spec.addons, or a spec.gpu block"),
                error("LC3011", 10, 20, "GPU model H200 of node gpu-1 is not supported by GPU Operator v23.9.1",
                        "GPU Operator v24.6.2 supports it: set spec.gpu.operatorVersion: v24.6.2"));
    }

    @Test
    void track127NamesItsOwnGpuAddonButChecksNoOperator() {
        // 1.27's addons.yaml lists a gpu addon (catalog tracks/1.27.json); the GPU facts start at 1.28,
        // so no operator version is known and the H200 is not judged against one.
        assertAll(RULE, "track-1-27",
                warning("LC3023", 10, 7, "without gpu in spec.addons", "add '- name: gpu' to spec.addons, or a spec.gpu block"));
    }
}
