package dev.launchc.model.nativecfg.v0_2;

import dev.launchc.model.nativecfg.common.Addon;
import dev.launchc.model.nativecfg.common.AddonRepository;
import dev.launchc.model.nativecfg.common.Join;
import java.util.List;
import java.util.Map;

/** One part of a launch config as the 0.2.0 parser (MicroK8s 1.28 and later) reads it. */
public record LaunchConfigV0_2(
        String version,
        String persistentClusterToken,
        Join join,
        List<String> extraSANs,
        Map<String, String> extraKubeAPIServerArgs,
        Map<String, String> extraKubeletArgs,
        Map<String, String> extraKubeProxyArgs,
        Map<String, String> extraKubeControllerManagerArgs,
        Map<String, String> extraKubeSchedulerArgs,
        Map<String, String> extraKubeliteEnv,
        Map<String, String> extraContainerdArgs,
        Map<String, String> extraContainerdEnv,
        Map<String, String> containerdRegistryConfigs,
        Map<String, String> extraDqliteArgs,
        Map<String, String> extraDqliteEnv,
        Map<String, String> extraMicroK8sClusterAgentArgs,
        Map<String, String> extraMicroK8sClusterAgentEnv,
        Map<String, String> extraMicroK8sAPIServerProxyArgs,
        Map<String, String> extraMicroK8sAPIServerProxyEnv,
        Map<String, String> extraEtcdArgs,
        Map<String, String> extraEtcdEnv,
        Map<String, String> extraFlanneldArgs,
        Map<String, String> extraFlanneldEnv,
        Map<String, String> extraConfigFiles,
        List<Addon> addons,
        List<AddonRepository> addonRepositories,
        Map<String, String> extraCNIEnv,
        Map<String, String> extraFIPSEnv) {}
