package dev.launchc.convert;

import dev.launchc.model.nativecfg.v0_1.LaunchConfigV0_1;
import dev.launchc.model.nativecfg.v0_2.LaunchConfigV0_2;

/** 0.1.0 is 0.2.0 without extraCNIEnv and extraFIPSEnv, so it converts by way of 0.2.0. */
public final class NativeV0_1Converter {
    private NativeV0_1Converter() {}

    public static LaunchConfigV0_2 toV0_2(LaunchConfigV0_1 c) {
        return new LaunchConfigV0_2(c.version(), c.persistentClusterToken(), c.join(), c.extraSANs(),
                c.extraKubeAPIServerArgs(), c.extraKubeletArgs(), c.extraKubeProxyArgs(),
                c.extraKubeControllerManagerArgs(), c.extraKubeSchedulerArgs(), c.extraKubeliteEnv(),
                c.extraContainerdArgs(), c.extraContainerdEnv(), c.containerdRegistryConfigs(),
                c.extraDqliteArgs(), c.extraDqliteEnv(), c.extraMicroK8sClusterAgentArgs(),
                c.extraMicroK8sClusterAgentEnv(), c.extraMicroK8sAPIServerProxyArgs(),
                c.extraMicroK8sAPIServerProxyEnv(), c.extraEtcdArgs(), c.extraEtcdEnv(), c.extraFlanneldArgs(),
                c.extraFlanneldEnv(), c.extraConfigFiles(), c.addons(), c.addonRepositories(), null, null);
    }
}
