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

    /** Every service map of the model, in apply order; its YAML key is {@link ServiceFile#nativeKey()}. */
    private static final Map<ServiceFile, Function<LaunchConfigV0_2, Map<String, String>>> SERVICE_FIELDS = new LinkedHashMap<>();

    static {
        SERVICE_FIELDS.put(ServiceFile.KUBE_APISERVER, LaunchConfigV0_2::extraKubeAPIServerArgs);
        SERVICE_FIELDS.put(ServiceFile.KUBELET, LaunchConfigV0_2::extraKubeletArgs);
        SERVICE_FIELDS.put(ServiceFile.KUBE_PROXY, LaunchConfigV0_2::extraKubeProxyArgs);
        SERVICE_FIELDS.put(ServiceFile.KUBE_CONTROLLER_MANAGER, LaunchConfigV0_2::extraKubeControllerManagerArgs);
        SERVICE_FIELDS.put(ServiceFile.KUBE_SCHEDULER, LaunchConfigV0_2::extraKubeSchedulerArgs);
        SERVICE_FIELDS.put(ServiceFile.KUBELITE_ENV, LaunchConfigV0_2::extraKubeliteEnv);
        SERVICE_FIELDS.put(ServiceFile.CONTAINERD, LaunchConfigV0_2::extraContainerdArgs);
        SERVICE_FIELDS.put(ServiceFile.CONTAINERD_ENV, LaunchConfigV0_2::extraContainerdEnv);
        SERVICE_FIELDS.put(ServiceFile.K8S_DQLITE, LaunchConfigV0_2::extraDqliteArgs);
        SERVICE_FIELDS.put(ServiceFile.K8S_DQLITE_ENV, LaunchConfigV0_2::extraDqliteEnv);
        SERVICE_FIELDS.put(ServiceFile.CLUSTER_AGENT, LaunchConfigV0_2::extraMicroK8sClusterAgentArgs);
        SERVICE_FIELDS.put(ServiceFile.CLUSTER_AGENT_ENV, LaunchConfigV0_2::extraMicroK8sClusterAgentEnv);
        SERVICE_FIELDS.put(ServiceFile.APISERVER_PROXY, LaunchConfigV0_2::extraMicroK8sAPIServerProxyArgs);
        SERVICE_FIELDS.put(ServiceFile.APISERVER_PROXY_ENV, LaunchConfigV0_2::extraMicroK8sAPIServerProxyEnv);
        SERVICE_FIELDS.put(ServiceFile.ETCD, LaunchConfigV0_2::extraEtcdArgs);
        SERVICE_FIELDS.put(ServiceFile.ETCD_ENV, LaunchConfigV0_2::extraEtcdEnv);
        SERVICE_FIELDS.put(ServiceFile.FLANNELD, LaunchConfigV0_2::extraFlanneldArgs);
        SERVICE_FIELDS.put(ServiceFile.FLANNELD_ENV, LaunchConfigV0_2::extraFlanneldEnv);
        SERVICE_FIELDS.put(ServiceFile.CNI_ENV, LaunchConfigV0_2::extraCNIEnv);
        SERVICE_FIELDS.put(ServiceFile.FIPS_ENV, LaunchConfigV0_2::extraFIPSEnv);
    }

    public static Part toInternal(int index, YDocument doc, LaunchConfigV0_2 c) {
        Map<ServiceFile, List<ArgEntry>> args = new EnumMap<>(ServiceFile.class);
        Map<ServiceFile, String> argPointers = new EnumMap<>(ServiceFile.class);
        SERVICE_FIELDS.forEach((file, getter) -> {
            Map<String, String> map = getter.apply(c);
            if (map != null) {
                String base = "/" + file.nativeKey();
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
        return Part.builder(index, doc).version(version).persistentClusterToken(token).join(join)
                .extraSANs(sans, "/extraSANs").serviceArgs(args, argPointers)
                .registryConfigs(verbatim("/containerdRegistryConfigs", c.containerdRegistryConfigs()))
                .configFiles(verbatim("/extraConfigFiles", c.extraConfigFiles())).addons(addons, repos).build();
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
