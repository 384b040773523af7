package dev.launchc.model.cluster.v1alpha1;

import dev.launchc.model.nativecfg.common.AddonRepository;
import java.util.List;
import java.util.Map;

/**
 * The cluster file, {@code apiVersion: launchc.dev/v1alpha1}, {@code kind: Cluster}, as written.
 * Component names are the YAML keys; schema/cluster/v1alpha1.json documents every field.
 */
public record ClusterV1alpha1(String apiVersion, String kind, Metadata metadata, Spec spec) {
    public static final String API_VERSION = "launchc.dev/v1alpha1";

    public record Metadata(String name) {}

    public record Spec(String microk8s, Network network, Registries registries, Airgap airgap, Services services,
            List<Addon> addons, List<AddonRepository> addonRepositories, Gpu gpu, Join join, List<String> extraSANs,
            List<Node> nodes, String confinement) {}

    public record Network(String cni, IpFamily ipv4, IpFamily ipv6, String mtu, Dns dns) {}

    public record IpFamily(Boolean enabled, String podCIDR, String serviceCIDR) {}

    public record Dns(String domain, List<String> upstream) {}

    public record Registries(Map<String, List<String>> mirrors, Map<String, HostTls> hosts) {}

    public record HostTls(String ca, String cert, String key, Boolean skipVerify, List<String> capabilities,
            Boolean overridePath) {}

    public record Airgap(String registry, Boolean plainHTTP, String ca) {}

    public record Services(Map<String, String> kubeApiServer, Map<String, String> kubelet, Map<String, String> kubeProxy,
            Map<String, String> kubeControllerManager, Map<String, String> kubeScheduler, Map<String, String> kubeliteEnv,
            Map<String, String> containerd, Map<String, String> containerdEnv, Map<String, String> dqlite,
            Map<String, String> dqliteEnv, Map<String, String> clusterAgent, Map<String, String> clusterAgentEnv,
            Map<String, String> apiServerProxy, Map<String, String> apiServerProxyEnv, Map<String, String> etcd,
            Map<String, String> etcdEnv, Map<String, String> flanneld, Map<String, String> flanneldEnv,
            Map<String, String> fipsEnv) {}

    public record Addon(String name, List<String> args, Boolean disable, String repository) {}

    public record Gpu(String driver, String operatorVersion, String toolkitVersion, Boolean setAsDefaultRuntime, Mig mig) {}

    public record Mig(String strategy) {}

    public record Join(SecretRef token) {}

    public record SecretRef(String fromEnv, String fromFile) {}

    public record Node(String name, String role, String address, String arch, Map<String, String> labels,
            List<Taint> taints, NodeGpu gpu, Services services, List<String> extraSANs) {}

    public record Taint(String key, String value, String effect) {}

    public record NodeGpu(String model, String migConfig) {}
}
