package dev.launchc.convert;

import static dev.launchc.load.Pointers.child;

import dev.launchc.load.YDocument;
import dev.launchc.model.internal.AddonRepo;
import dev.launchc.model.internal.AddonRequest;
import dev.launchc.model.internal.ArgEntry;
import dev.launchc.model.internal.JoinRequest;
import dev.launchc.model.internal.Part;
import dev.launchc.model.internal.ServiceFile;
import dev.launchc.model.internal.Value;
import dev.launchc.model.nativecfg.common.Addon;
import dev.launchc.model.nativecfg.common.AddonRepository;
import dev.launchc.model.nativecfg.v0_2.LaunchConfigV0_2;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Launch-config 0.2.0 to the internal model. */
public final class NativeV0_2Converter {
    private NativeV0_2Converter() {}

    /** The YAML key of every service map, in apply order. */
    private static final Map<ServiceFile, Field> SERVICE_FIELDS = new LinkedHashMap<>();

    private record Field(String key, Function<LaunchConfigV0_2, Map<String, String>> getter) {}

    static {
        SERVICE_FIELDS.put(ServiceFile.KUBE_APISERVER, new Field("extraKubeAPIServerArgs", LaunchConfigV0_2::extraKubeAPIServerArgs));
        SERVICE_FIELDS.put(ServiceFile.KUBELET, new Field("extraKubeletArgs", LaunchConfigV0_2::extraKubeletArgs));
        SERVICE_FIELDS.put(ServiceFile.KUBE_PROXY, new Field("extraKubeProxyArgs", LaunchConfigV0_2::extraKubeProxyArgs));
        SERVICE_FIELDS.put(ServiceFile.KUBE_CONTROLLER_MANAGER, new Field("extraKubeControllerManagerArgs", LaunchConfigV0_2::extraKubeControllerManagerArgs));
        SERVICE_FIELDS.put(ServiceFile.KUBE_SCHEDULER, new Field("extraKubeSchedulerArgs", LaunchConfigV0_2::extraKubeSchedulerArgs));
        SERVICE_FIELDS.put(ServiceFile.KUBELITE_ENV, new Field("extraKubeliteEnv", LaunchConfigV0_2::extraKubeliteEnv));
        SERVICE_FIELDS.put(ServiceFile.CONTAINERD, new Field("extraContainerdArgs", LaunchConfigV0_2::extraContainerdArgs));
        SERVICE_FIELDS.put(ServiceFile.CONTAINERD_ENV, new Field("extraContainerdEnv", LaunchConfigV0_2::extraContainerdEnv));
        SERVICE_FIELDS.put(ServiceFile.K8S_DQLITE, new Field("extraDqliteArgs", LaunchConfigV0_2::extraDqliteArgs));
        SERVICE_FIELDS.put(ServiceFile.K8S_DQLITE_ENV, new Field("extraDqliteEnv", LaunchConfigV0_2::extraDqliteEnv));
        SERVICE_FIELDS.put(ServiceFile.CLUSTER_AGENT, new Field("extraMicroK8sClusterAgentArgs", LaunchConfigV0_2::extraMicroK8sClusterAgentArgs));
        SERVICE_FIELDS.put(ServiceFile.CLUSTER_AGENT_ENV, new Field("extraMicroK8sClusterAgentEnv", LaunchConfigV0_2::extraMicroK8sClusterAgentEnv));
        SERVICE_FIELDS.put(ServiceFile.APISERVER_PROXY, new Field("extraMicroK8sAPIServerProxyArgs", LaunchConfigV0_2::extraMicroK8sAPIServerProxyArgs));
        SERVICE_FIELDS.put(ServiceFile.APISERVER_PROXY_ENV, new Field("extraMicroK8sAPIServerProxyEnv", LaunchConfigV0_2::extraMicroK8sAPIServerProxyEnv));
        SERVICE_FIELDS.put(ServiceFile.ETCD, new Field("extraEtcdArgs", LaunchConfigV0_2::extraEtcdArgs));
        SERVICE_FIELDS.put(ServiceFile.ETCD_ENV, new Field("extraEtcdEnv", LaunchConfigV0_2::extraEtcdEnv));
        SERVICE_FIELDS.put(ServiceFile.FLANNELD, new Field("extraFlanneldArgs", LaunchConfigV0_2::extraFlanneldArgs));
        SERVICE_FIELDS.put(ServiceFile.FLANNELD_ENV, new Field("extraFlanneldEnv", LaunchConfigV0_2::extraFlanneldEnv));
        SERVICE_FIELDS.put(ServiceFile.CNI_ENV, new Field("extraCNIEnv", LaunchConfigV0_2::extraCNIEnv));
        SERVICE_FIELDS.put(ServiceFile.FIPS_ENV, new Field("extraFIPSEnv", LaunchConfigV0_2::extraFIPSEnv));
    }

    /** The YAML key that edits a service file, for messages and for writing seeds. */
    public static String yamlKey(ServiceFile file) {
        return SERVICE_FIELDS.get(file).key();
    }

    public static Part toInternal(int index, YDocument doc, LaunchConfigV0_2 c) {
        Map<ServiceFile, List<ArgEntry>> args = new EnumMap<>(ServiceFile.class);
        Map<ServiceFile, String> argPointers = new EnumMap<>(ServiceFile.class);
        SERVICE_FIELDS.forEach((file, field) -> {
            Map<String, String> map = field.getter().apply(c);
            if (map != null) {
                String base = "/" + field.key();
                args.put(file, entries(base, map));
                argPointers.put(file, base);
            }
        });
        Value version = c.version() == null ? null : new Value(c.version(), "/version");
        Value token = c.persistentClusterToken() == null ? null : new Value(c.persistentClusterToken(), "/persistentClusterToken");
        JoinRequest join = null;
        if (c.join() != null) {
            join = new JoinRequest(c.join().url() == null ? "" : c.join().url(),
                    Boolean.TRUE.equals(c.join().worker()), "/join");
        }
        List<Value> sans = null;
        if (c.extraSANs() != null) {
            sans = new ArrayList<>();
            for (int i = 0; i < c.extraSANs().size(); i++) {
                String s = c.extraSANs().get(i);
                sans.add(new Value(s == null ? "" : s, child("/extraSANs", i)));
            }
        }
        List<AddonRequest> addons = new ArrayList<>();
        if (c.addons() != null) {
            for (int i = 0; i < c.addons().size(); i++) {
                Addon a = c.addons().get(i);
                if (a == null) {
                    continue;
                }
                List<String> argv = a.args() == null ? List.of()
                        : a.args().stream().map(s -> s == null ? "" : s).toList();
                addons.add(new AddonRequest(a.name() == null ? "" : a.name(), Boolean.TRUE.equals(a.disable()), argv,
                        child("/addons", i)));
            }
        }
        List<AddonRepo> repos = new ArrayList<>();
        if (c.addonRepositories() != null) {
            for (int i = 0; i < c.addonRepositories().size(); i++) {
                AddonRepository r = c.addonRepositories().get(i);
                if (r != null) {
                    repos.add(new AddonRepo(nz(r.name()), nz(r.url()), r.reference(), child("/addonRepositories", i)));
                }
            }
        }
        return new Part(index, doc, version, token, join, sans, "/extraSANs", args, argPointers,
                verbatim("/containerdRegistryConfigs", c.containerdRegistryConfigs()),
                verbatim("/extraConfigFiles", c.extraConfigFiles()), addons, repos);
    }

    private static List<ArgEntry> entries(String base, Map<String, String> map) {
        List<ArgEntry> out = new ArrayList<>();
        map.forEach((k, v) -> out.add(new ArgEntry(k, v, child(base, k))));
        return out;
    }

    /** File contents: null becomes "" as yaml.v2 decodes it into a plain string. */
    private static List<ArgEntry> verbatim(String base, Map<String, String> map) {
        if (map == null) {
            return List.of();
        }
        List<ArgEntry> out = new ArrayList<>();
        map.forEach((k, v) -> out.add(new ArgEntry(k, v == null ? "" : v, child(base, k))));
        return out;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
