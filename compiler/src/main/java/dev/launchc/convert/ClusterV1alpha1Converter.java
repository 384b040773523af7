package dev.launchc.convert;

import static dev.launchc.load.Pointers.child;

import dev.launchc.load.YDocument;
import dev.launchc.model.cluster.v1alpha1.ClusterV1alpha1;
import dev.launchc.model.cluster.v1alpha1.ClusterV1alpha1.Services;
import dev.launchc.model.internal.AddonRepo;
import dev.launchc.model.internal.AddonRequest;
import dev.launchc.model.internal.ArgEntry;
import dev.launchc.model.internal.Cluster;
import dev.launchc.model.internal.ServiceFile;
import dev.launchc.model.internal.Value;
import dev.launchc.model.nativecfg.common.AddonRepository;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Cluster v1alpha1 to the internal cluster model, with the documented defaults applied. */
public final class ClusterV1alpha1Converter {
    private ClusterV1alpha1Converter() {}

    /** The services key of each service file. */
    private static final Map<ServiceFile, Field> SERVICE_FIELDS = new LinkedHashMap<>();

    private record Field(String key, Function<Services, Map<String, String>> getter) {}

    static {
        SERVICE_FIELDS.put(ServiceFile.KUBE_APISERVER, new Field("kubeApiServer", Services::kubeApiServer));
        SERVICE_FIELDS.put(ServiceFile.KUBELET, new Field("kubelet", Services::kubelet));
        SERVICE_FIELDS.put(ServiceFile.KUBE_PROXY, new Field("kubeProxy", Services::kubeProxy));
        SERVICE_FIELDS.put(ServiceFile.KUBE_CONTROLLER_MANAGER, new Field("kubeControllerManager", Services::kubeControllerManager));
        SERVICE_FIELDS.put(ServiceFile.KUBE_SCHEDULER, new Field("kubeScheduler", Services::kubeScheduler));
        SERVICE_FIELDS.put(ServiceFile.KUBELITE_ENV, new Field("kubeliteEnv", Services::kubeliteEnv));
        SERVICE_FIELDS.put(ServiceFile.CONTAINERD, new Field("containerd", Services::containerd));
        SERVICE_FIELDS.put(ServiceFile.CONTAINERD_ENV, new Field("containerdEnv", Services::containerdEnv));
        SERVICE_FIELDS.put(ServiceFile.K8S_DQLITE, new Field("dqlite", Services::dqlite));
        SERVICE_FIELDS.put(ServiceFile.K8S_DQLITE_ENV, new Field("dqliteEnv", Services::dqliteEnv));
        SERVICE_FIELDS.put(ServiceFile.CLUSTER_AGENT, new Field("clusterAgent", Services::clusterAgent));
        SERVICE_FIELDS.put(ServiceFile.CLUSTER_AGENT_ENV, new Field("clusterAgentEnv", Services::clusterAgentEnv));
        SERVICE_FIELDS.put(ServiceFile.APISERVER_PROXY, new Field("apiServerProxy", Services::apiServerProxy));
        SERVICE_FIELDS.put(ServiceFile.APISERVER_PROXY_ENV, new Field("apiServerProxyEnv", Services::apiServerProxyEnv));
        SERVICE_FIELDS.put(ServiceFile.ETCD, new Field("etcd", Services::etcd));
        SERVICE_FIELDS.put(ServiceFile.ETCD_ENV, new Field("etcdEnv", Services::etcdEnv));
        SERVICE_FIELDS.put(ServiceFile.FLANNELD, new Field("flanneld", Services::flanneld));
        SERVICE_FIELDS.put(ServiceFile.FLANNELD_ENV, new Field("flanneldEnv", Services::flanneldEnv));
        SERVICE_FIELDS.put(ServiceFile.FIPS_ENV, new Field("fipsEnv", Services::fipsEnv));
    }

    /**
     * Where a cluster file sets a service file's args: {@code services.kubelet}, for example. A file
     * that no services key sets (cni-env comes from spec.network) is named by its path on the node.
     */
    public static String servicesKey(ServiceFile file) {
        Field field = SERVICE_FIELDS.get(file);
        return field == null ? "args/" + file.fileName() : "services." + field.key();
    }

    public static Cluster toInternal(YDocument doc, ClusterV1alpha1 c) {
        ClusterV1alpha1.Spec spec = c.spec() != null ? c.spec()
                : new ClusterV1alpha1.Spec(null, null, null, null, null, null, null, null, null, null, null, null);
        String name = c.metadata() == null ? null : c.metadata().name();
        Value track = spec.microk8s() == null ? null : new Value(spec.microk8s(), "/spec/microk8s");
        return new Cluster(name == null ? "" : name, doc, track, network(spec.network()), mirrors(spec.registries()),
                hosts(spec.registries()), airgap(spec.airgap()), services("/spec/services", spec.services()),
                addons(spec.addons()), repos(spec.addonRepositories()), gpu(spec.gpu()), token(spec.join()),
                values("/spec/extraSANs", spec.extraSANs()), nodes(spec.nodes()),
                spec.confinement() == null ? null : new Value(spec.confinement(), "/spec/confinement"));
    }

    private static Cluster.Network network(ClusterV1alpha1.Network n) {
        String p = "/spec/network";
        ClusterV1alpha1.Network net = n != null ? n : new ClusterV1alpha1.Network(null, null, null, null, null);
        Cluster.IpFamily v4 = family(p + "/ipv4", net.ipv4(), true, Cluster.DEFAULT_POD_CIDR_V4, Cluster.DEFAULT_SERVICE_CIDR_V4);
        Cluster.IpFamily v6 = family(p + "/ipv6", net.ipv6(), false, Cluster.DEFAULT_POD_CIDR_V6, Cluster.DEFAULT_SERVICE_CIDR_V6);
        ClusterV1alpha1.Dns dns = net.dns();
        String domain = dns == null || dns.domain() == null ? "cluster.local" : dns.domain();
        List<Value> upstream = dns == null ? List.of() : values(p + "/dns/upstream", dns.upstream());
        return new Cluster.Network(net.cni() == null ? "calico" : net.cni(), v4, v6,
                net.mtu() == null ? null : new Value(net.mtu(), p + "/mtu"), domain, upstream, p);
    }

    /** A family given in the file is on unless {@code enabled: false}; IPv4 is on when not given. */
    private static Cluster.IpFamily family(String p, ClusterV1alpha1.IpFamily f, boolean onWhenAbsent, String pod, String svc) {
        if (f == null ? !onWhenAbsent : Boolean.FALSE.equals(f.enabled())) {
            return null;
        }
        String podCidr = f == null || f.podCIDR() == null ? pod : f.podCIDR();
        String svcCidr = f == null || f.serviceCIDR() == null ? svc : f.serviceCIDR();
        return new Cluster.IpFamily(new Value(podCidr, p + "/podCIDR"), new Value(svcCidr, p + "/serviceCIDR"));
    }

    private static List<Cluster.Mirror> mirrors(ClusterV1alpha1.Registries r) {
        List<Cluster.Mirror> out = new ArrayList<>();
        if (r == null || r.mirrors() == null) {
            return out;
        }
        r.mirrors().forEach((ns, endpoints) -> {
            String p = child("/spec/registries/mirrors", ns);
            out.add(new Cluster.Mirror(ns, values(p, endpoints), p));
        });
        return out;
    }

    private static Map<String, Cluster.HostTls> hosts(ClusterV1alpha1.Registries r) {
        Map<String, Cluster.HostTls> out = new LinkedHashMap<>();
        if (r == null || r.hosts() == null) {
            return out;
        }
        r.hosts().forEach((host, t) -> {
            if (t == null) {
                return;
            }
            out.put(host, new Cluster.HostTls(host, t.ca(), t.cert(), t.key(), Boolean.TRUE.equals(t.skipVerify()),
                    t.capabilities() == null ? List.of("pull", "resolve") : t.capabilities(),
                    Boolean.TRUE.equals(t.overridePath()), child("/spec/registries/hosts", host)));
        });
        return out;
    }

    private static Cluster.Airgap airgap(ClusterV1alpha1.Airgap a) {
        if (a == null || a.registry() == null) {
            return null;
        }
        return new Cluster.Airgap(new Value(a.registry(), "/spec/airgap/registry"), Boolean.TRUE.equals(a.plainHTTP()),
                a.ca(), "/spec/airgap");
    }

    /** The services maps of one place in the file, with their pointers. */
    public static Map<ServiceFile, List<ArgEntry>> services(String base, Services s) {
        Map<ServiceFile, List<ArgEntry>> out = new EnumMap<>(ServiceFile.class);
        if (s == null) {
            return out;
        }
        SERVICE_FIELDS.forEach((file, field) -> {
            Map<String, String> map = field.getter().apply(s);
            if (map != null) {
                String p = child(base, field.key());
                List<ArgEntry> entries = new ArrayList<>();
                map.forEach((k, v) -> entries.add(new ArgEntry(k, v, child(p, k))));
                out.put(file, entries);
            }
        });
        return out;
    }

    private static List<AddonRequest> addons(List<ClusterV1alpha1.Addon> addons) {
        List<AddonRequest> out = new ArrayList<>();
        if (addons == null) {
            return out;
        }
        for (int i = 0; i < addons.size(); i++) {
            ClusterV1alpha1.Addon a = addons.get(i);
            if (a == null || a.name() == null) {
                continue;
            }
            String name = a.repository() == null || a.name().contains("/") ? a.name() : a.repository() + "/" + a.name();
            List<String> args = a.args() == null ? List.of() : a.args().stream().map(x -> x == null ? "" : x).toList();
            out.add(new AddonRequest(name, Boolean.TRUE.equals(a.disable()), args, child("/spec/addons", i)));
        }
        return out;
    }

    private static List<AddonRepo> repos(List<AddonRepository> repos) {
        List<AddonRepo> out = new ArrayList<>();
        if (repos == null) {
            return out;
        }
        for (int i = 0; i < repos.size(); i++) {
            AddonRepository r = repos.get(i);
            if (r != null) {
                out.add(new AddonRepo(r.name() == null ? "" : r.name(), r.url() == null ? "" : r.url(), r.reference(),
                        child("/spec/addonRepositories", i)));
            }
        }
        return out;
    }

    private static Cluster.Gpu gpu(ClusterV1alpha1.Gpu g) {
        if (g == null) {
            return null;
        }
        return new Cluster.Gpu(g.driver() == null ? "auto" : g.driver(),
                g.operatorVersion() == null ? null : new Value(g.operatorVersion(), "/spec/gpu/operatorVersion"),
                g.toolkitVersion(), g.setAsDefaultRuntime(), g.mig() == null ? null : g.mig().strategy(), "/spec/gpu");
    }

    private static Cluster.TokenSource token(ClusterV1alpha1.Join j) {
        if (j == null || j.token() == null) {
            return null;
        }
        return new Cluster.TokenSource(j.token().fromEnv(), j.token().fromFile(), "/spec/join/token");
    }

    private static List<Cluster.Node> nodes(List<ClusterV1alpha1.Node> nodes) {
        List<Cluster.Node> out = new ArrayList<>();
        if (nodes == null) {
            return out;
        }
        for (int i = 0; i < nodes.size(); i++) {
            ClusterV1alpha1.Node n = nodes.get(i);
            if (n == null) {
                continue;
            }
            String p = child("/spec/nodes", i);
            List<ArgEntry> labels = new ArrayList<>();
            if (n.labels() != null) {
                n.labels().forEach((k, v) -> labels.add(new ArgEntry(k, v == null ? "" : v, child(p + "/labels", k))));
            }
            List<Cluster.Taint> taints = new ArrayList<>();
            if (n.taints() != null) {
                for (int t = 0; t < n.taints().size(); t++) {
                    ClusterV1alpha1.Taint taint = n.taints().get(t);
                    if (taint != null) {
                        taints.add(new Cluster.Taint(taint.key(), taint.value(), taint.effect(), child(p + "/taints", t)));
                    }
                }
            }
            Value model = n.gpu() == null || n.gpu().model() == null ? null : new Value(n.gpu().model(), p + "/gpu/model");
            Value mig = n.gpu() == null || n.gpu().migConfig() == null ? null : new Value(n.gpu().migConfig(), p + "/gpu/migConfig");
            out.add(new Cluster.Node(new Value(n.name() == null ? "" : n.name(), p + "/name"),
                    n.role() == null ? "worker" : n.role(),
                    new Value(n.address() == null ? "" : n.address(), p + "/address"),
                    n.arch() == null ? "amd64" : n.arch(), labels, taints, model, mig,
                    services(p + "/services", n.services()), values(p + "/extraSANs", n.extraSANs()), p));
        }
        return out;
    }

    private static List<Value> values(String base, List<String> list) {
        List<Value> out = new ArrayList<>();
        if (list == null) {
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) != null) {
                out.add(new Value(list.get(i), child(base, i)));
            }
        }
        return out;
    }
}
