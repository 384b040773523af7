package dev.launchc.compile;

import dev.launchc.catalog.AddonFacts;
import dev.launchc.catalog.Catalog;
import dev.launchc.catalog.GpuAddon;
import dev.launchc.catalog.Track;
import dev.launchc.model.internal.AddonRequest;
import dev.launchc.model.internal.ArgEntry;
import dev.launchc.model.internal.ArgsLines;
import dev.launchc.model.internal.Cluster;
import dev.launchc.model.internal.ServiceFile;
import dev.launchc.model.internal.Value;
import dev.launchc.resolve.KubeArgs;
import dev.launchc.resolve.Origins;
import dev.launchc.resolve.ResolvedCluster;
import dev.launchc.plan.FileContent;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What compile derives for each node of a cluster (SPEC §2.2): bootstrap and join, CNI env from
 * the network (on tracks without generate-cni.sh, the API server's service range instead), the
 * first service IP in the SANs, --cluster-dns inside the service CIDR, node labels merged into the
 * track's defaults, registry mirrors as hosts.toml (each endpoint once), and the GPU addon's flags
 * in the track's spelling. Kubelet and API server args of joining nodes go in a second part,
 * because {@code microk8s join} rewrites those files (MicroK8s issue 5236).
 */
public final class SeedDeriver {
    /** Set by join.py on workers (reference launch-config-facts §4.10). */
    static final String WORKER_LABELS = "microk8s.io/cluster=true,node.kubernetes.io/microk8s-worker=microk8s-worker";
    static final String SERVICE_RANGE_FLAG = "--service-cluster-ip-range";
    /** Upstream namespaces an air-gapped node pulls from; nvcr.io only when GPUs are in use. */
    static final List<String> AIRGAP_NAMESPACES = List.of("docker.io", "registry.k8s.io", "quay.io", "ghcr.io");

    private final Cluster cluster;
    private final ResolvedCluster resolved;
    private final Track track;
    private final String token;
    /** The origins of the node being derived; the cluster-wide fields are recorded into each node's. */
    private Origins.Builder origins;

    private SeedDeriver(Cluster cluster, Track track, String token) {
        this.cluster = cluster;
        this.resolved = ResolvedCluster.of(cluster);
        this.track = track;
        this.token = token;
    }

    /** @param token the join token read at compile time; it only ever goes into seeds */
    public static List<NodeSeed> derive(Cluster cluster, Track track, String token) {
        return new SeedDeriver(cluster, track, token).run();
    }

    private List<NodeSeed> run() {
        Cluster.Node bootstrap = resolved.bootstrap();
        origins = new Origins.Builder();
        Map<String, FileContent.HostsToml> registries = registries();
        Origins.Builder clusterWide = origins;
        List<NodeSeed> out = new ArrayList<>();
        for (Cluster.Node node : cluster.nodes()) {
            origins = new Origins.Builder(clusterWide);
            boolean isBootstrap = node == bootstrap;
            Map<ServiceFile, Map<String, String>> args = args(node);
            List<NodeSeed.Part> parts = new ArrayList<>();
            if (isBootstrap) {
                origins.put(Origins.TOKEN, cluster.token() == null ? null : cluster.token().pointer());
                parts.add(new NodeSeed.Part("bootstrap node of cluster " + cluster.name(), version(), token, null, false,
                        sans(node), args, registries, addons(), repositories()));
            } else {
                Map<ServiceFile, Map<String, String>> afterJoin = new EnumMap<>(ServiceFile.class);
                for (ServiceFile f : List.of(ServiceFile.KUBELET, ServiceFile.KUBE_APISERVER)) {
                    Map<String, String> m = args.remove(f);
                    if (m != null) {
                        afterJoin.put(f, m);
                    }
                }
                Value joinAddress = resolved.joinAddress();
                String url = joinAddress == null ? null : joinAddress.text() + "/" + (token == null ? "" : token);
                origins.put(Origins.JOIN, joinAddress == null ? null : joinAddress.pointer());
                parts.add(new NodeSeed.Part((node.isControlPlane() ? "control-plane" : "worker") + " node joining "
                        + (bootstrap == null ? "" : bootstrap.name().text()), version(), null, url, !node.isControlPlane(),
                        node.isControlPlane() ? sans(node) : null, args, registries, List.of(), List.of()));
                if (!afterJoin.isEmpty()) {
                    parts.add(new NodeSeed.Part("re-applied after the join, which rewrites args/kubelet and args/kube-apiserver",
                            version(), null, null, false, null, afterJoin, Map.of(), List.of(), List.of()));
                }
            }
            out.add(new NodeSeed(node.name().text(), node.role(), node.address().text(), parts, origins.build()));
        }
        return out;
    }

    private String version() {
        return track.launchConfigMax();
    }

    // ---- network ----

    private List<String> serviceCidrs() {
        return resolved.serviceCidrs().stream().map(Value::text).toList();
    }

    private List<String> sans(Cluster.Node node) {
        List<String> out = new ArrayList<>();
        for (Value san : resolved.sans(node)) {
            out.add(san.text());
            origins.put(Origins.san(san.text()), san.pointer());
        }
        origins.put(Origins.SANS, resolved.firstServiceIps().isEmpty() ? null : resolved.firstServiceIps().get(0).pointer());
        return out;
    }

    private Map<String, String> cniEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        resolved.cniEnv().forEach((key, value) -> {
            env.put(key, value.text());
            origins.put(Origins.arg(ServiceFile.CNI_ENV, key), value.pointer());
        });
        origins.put(Origins.args(ServiceFile.CNI_ENV), cluster.network().pointer());
        return env;
    }

    // ---- service args ----

    private Map<ServiceFile, Map<String, String>> args(Cluster.Node node) {
        Map<ServiceFile, Map<String, String>> out = new EnumMap<>(ServiceFile.class);
        Map<String, String> kubelet = new LinkedHashMap<>();
        Value dns = resolved.dnsIp();
        if (dns != null) {
            kubelet.put("--cluster-dns", dns.text());
            origins.put(Origins.arg(ServiceFile.KUBELET, "--cluster-dns"), dns.pointer());
        }
        kubelet.put("--cluster-domain", cluster.network().domain());
        origins.put(Origins.arg(ServiceFile.KUBELET, "--cluster-domain"), cluster.network().pointer() + "/dns/domain");
        kubelet.put("--node-labels", nodeLabels(node, userNodeLabels(node)));
        if (!node.taints().isEmpty()) {
            origins.put(Origins.arg(ServiceFile.KUBELET, "--register-with-taints"), node.pointer() + "/taints");
            List<String> taints = new ArrayList<>();
            for (Cluster.Taint t : node.taints()) {
                taints.add(t.key() + (t.value() == null || t.value().isEmpty() ? "" : "=" + t.value()) + ":" + t.effect());
            }
            kubelet.put("--register-with-taints", String.join(",", taints));
        }
        out.put(ServiceFile.KUBELET, kubelet);
        if (track.runsGenerateCni()) {
            out.put(ServiceFile.CNI_ENV, cniEnv());
        }
        merge(out, cluster.services());
        merge(out, node.services());
        // A --node-labels given as a service arg adds to the derived labels instead of replacing them.
        out.get(ServiceFile.KUBELET).put("--node-labels", nodeLabels(node, userNodeLabels(node)));
        origins.put(Origins.arg(ServiceFile.KUBELET, "--node-labels"), nodeLabelsOrigin(node));
        if (!track.runsGenerateCni() && !serviceCidrs().isEmpty()) {
            // Without generate-cni.sh (1.27) nothing turns spec.network into the API server's range, so
            // the derived --cluster-dns and SANs would point outside the shipped 10.152.183.0/24. Put
            // last so spec.network decides, as generate-cni.sh makes it decide on later tracks.
            out.computeIfAbsent(ServiceFile.KUBE_APISERVER, f -> new LinkedHashMap<>())
                    .put(SERVICE_RANGE_FLAG, String.join(",", serviceCidrs()));
            origins.put(Origins.arg(ServiceFile.KUBE_APISERVER, SERVICE_RANGE_FLAG), resolved.serviceCidrs().get(0).pointer());
        }
        return out;
    }

    /**
     * Where the node's --node-labels come from: its MIG config, its labels, or a --node-labels
     * service arg (the last written); else the role's defaults, for which the node's name stands.
     */
    private String nodeLabelsOrigin(Cluster.Node node) {
        if (node.migConfig() != null) {
            return node.migConfig().pointer();
        }
        if (!node.labels().isEmpty()) {
            return node.pointer() + "/labels";
        }
        String origin = null;
        for (Map<ServiceFile, List<ArgEntry>> services : List.of(cluster.services(), node.services())) {
            for (ArgEntry e : services.getOrDefault(ServiceFile.KUBELET, List.of())) {
                if (e.key().equals("--node-labels")) {
                    origin = e.pointer();
                }
            }
        }
        return origin != null ? origin : node.name().pointer();
    }

    /** Labels given through services.kubelet --node-labels, cluster-wide then per node, quotes removed. */
    private List<String> userNodeLabels(Cluster.Node node) {
        List<String> out = new ArrayList<>();
        for (Map<ServiceFile, List<ArgEntry>> services : List.of(cluster.services(), node.services())) {
            for (ArgEntry e : services.getOrDefault(ServiceFile.KUBELET, List.of())) {
                if (e.key().equals("--node-labels") && e.value() != null) {
                    for (String kv : e.value().replace("\"", "").replace("'", "").split(",")) {
                        if (!kv.isBlank()) {
                            out.add(kv.strip());
                        }
                    }
                }
            }
        }
        return out;
    }

    private void merge(Map<ServiceFile, Map<String, String>> into, Map<ServiceFile, List<ArgEntry>> from) {
        from.forEach((file, entries) -> {
            Map<String, String> m = into.computeIfAbsent(file, f -> new LinkedHashMap<>());
            for (ArgEntry e : entries) {
                m.put(e.key(), e.value());
                origins.put(Origins.arg(file, e.key()), e.pointer());
            }
        });
    }

    /**
     * The role's default labels, then labels from a --node-labels service arg, then the node's
     * labels and its MIG config, as one --node-labels value; a later value wins per key.
     */
    private String nodeLabels(Cluster.Node node, List<String> fromServices) {
        Map<String, String> labels = new LinkedHashMap<>();
        String defaults = node.isControlPlane() ? controlPlaneLabels() : WORKER_LABELS;
        List<String> pairs = new ArrayList<>(List.of(defaults.split(",")));
        pairs.addAll(fromServices);
        for (String kv : pairs) {
            int eq = kv.indexOf('=');
            labels.put(eq < 0 ? kv : kv.substring(0, eq), eq < 0 ? "" : kv.substring(eq + 1));
        }
        node.labels().forEach(e -> labels.put(e.key(), e.value()));
        if (node.migConfig() != null) {
            labels.put("nvidia.com/mig.config", node.migConfig().text());
        }
        List<String> out = new ArrayList<>();
        labels.forEach((k, v) -> out.add(k + "=" + v));
        return String.join(",", out);
    }

    /** The track's default --node-labels of a control-plane node, quotes removed as kubelite does. */
    private String controlPlaneLabels() {
        String value = ArgsLines.read(track.defaultArgs().get("kubelet")).get("--node-labels");
        return value == null ? "microk8s.io/cluster=true" : KubeArgs.kubeliteView(value);
    }

    // ---- registries ----

    private Map<String, FileContent.HostsToml> registries() {
        Map<String, List<FileContent.HostEntry>> byNamespace = new LinkedHashMap<>();
        for (Cluster.Mirror m : cluster.mirrors()) {
            List<FileContent.HostEntry> hosts = byNamespace.computeIfAbsent(m.namespace(), k -> new ArrayList<>());
            for (Value endpoint : m.distinctEndpoints()) {
                hosts.add(host(endpoint.text(), null));
            }
            origins.put(Origins.registry(m.namespace()), m.pointer());
        }
        if (cluster.airgap() != null) {
            String registry = cluster.airgap().registry().text();
            String url = (cluster.airgap().plainHttp() ? "http://" : "https://") + registry;
            List<String> namespaces = new ArrayList<>(AIRGAP_NAMESPACES);
            if (resolved.usesGpu()) {
                namespaces.add("nvcr.io");
            }
            for (String ns : namespaces) {
                List<FileContent.HostEntry> hosts = byNamespace.computeIfAbsent(ns, k -> new ArrayList<>());
                if (hosts.stream().noneMatch(h -> Cluster.Mirror.sameEndpoint(h.url(), url))) {
                    hosts.add(host(url, cluster.airgap().ca()));
                    origins.putIfAbsent(Origins.registry(ns), cluster.airgap().registry().pointer());
                }
            }
        }
        Map<String, FileContent.HostsToml> out = new LinkedHashMap<>();
        byNamespace.forEach((ns, hosts) -> out.put(ns, new FileContent.HostsToml(upstream(ns), hosts)));
        return out;
    }

    /** The server containerd falls back to; docker.io's registry lives at registry-1.docker.io. */
    static String upstream(String namespace) {
        return "docker.io".equals(namespace) ? "https://registry-1.docker.io" : "https://" + namespace;
    }

    private FileContent.HostEntry host(String url, String airgapCa) {
        return host(cluster, url, airgapCa);
    }

    /**
     * The hosts.toml that sends one upstream namespace ({@code docker.io}, {@code quay.io}, …) to
     * the cluster's air-gap registry, as the seeds carry it; null when the cluster has no
     * {@code spec.airgap}. The bundle uses it for every namespace its images come from.
     */
    public static FileContent.HostsToml airgapHostsToml(Cluster cluster, String namespace) {
        if (cluster.airgap() == null) {
            return null;
        }
        String url = (cluster.airgap().plainHttp() ? "http://" : "https://") + cluster.airgap().registry().text();
        return new FileContent.HostsToml(upstream(namespace), List.of(host(cluster, url, cluster.airgap().ca())));
    }

    private static FileContent.HostEntry host(Cluster cluster, String url, String airgapCa) {
        Cluster.HostTls tls = cluster.hostTls().get(Cluster.HostTls.keyOf(url));
        if (tls == null) {
            return new FileContent.HostEntry(url, List.of("pull", "resolve"), airgapCa, null, null, false, false);
        }
        return new FileContent.HostEntry(url, tls.capabilities(), tls.ca() != null ? tls.ca() : airgapCa, tls.cert(),
                tls.key(), tls.skipVerify(), tls.overridePath());
    }

    // ---- addons ----

    private List<NodeSeed.Addon> addons() {
        List<NodeSeed.Addon> out = new ArrayList<>();
        boolean dnsListed = cluster.addons().stream().anyMatch(a -> AddonFacts.baseName(a.name()).equals("dns"));
        if (!dnsListed) {
            out.add(new NodeSeed.Addon("dns", dnsArgs(), false));
            Value dns = resolved.dnsIp();
            origins.put(Origins.addon("dns"), dns == null ? null : dns.pointer());
        }
        // Only a track the GPU facts cover has flags in a known spelling (1.27's gpu addon has none).
        GpuAddon gpuAddon = Catalog.get().gpuAddon(track).filter(GpuAddon::covered).orElse(null);
        for (AddonRequest a : cluster.addons()) {
            String base = AddonFacts.baseName(a.name());
            List<String> args = a.args();
            if (!a.disable() && args.isEmpty() && base.equals("dns")) {
                args = dnsArgs();
            } else if (!a.disable() && gpuAddon != null && gpuAddon.isNamed(base)) {
                args = new ArrayList<>(args);
                args.addAll(gpuArgs(gpuAddon, args));
            }
            out.add(new NodeSeed.Addon(a.name(), args, a.disable()));
            origins.put(Origins.addon(a.name()), a.pointer());
        }
        return out;
    }

    /** dns addon: $1 upstream servers, $2 the kube-dns ClusterIP, $3 the domain (1.33 and later). */
    private List<String> dnsArgs() {
        List<String> args = new ArrayList<>();
        List<String> upstream = cluster.network().upstream().stream().map(Value::text).toList();
        args.add(upstream.isEmpty() ? "/etc/resolv.conf" : String.join(",", upstream));
        Value ip = resolved.dnsIp();
        if (ip != null) {
            args.add(ip.text());
            if (Catalog.compareMinor(track.name(), "1.33") >= 0) {
                args.add(cluster.network().domain());
            }
        }
        return args;
    }

    /** The GPU addon's flags in the track's spelling; flags the user already passed are left alone. */
    private List<String> gpuArgs(GpuAddon gpuAddon, List<String> given) {
        Cluster.Gpu gpu = cluster.gpu();
        if (gpu == null) {
            return List.of();
        }
        boolean legacy = gpuAddon.legacyFlags();
        String prefix = legacy ? "--" : "--gpu-operator-";
        List<String> out = new ArrayList<>();
        add(out, given, prefix + "driver", gpu.driver());
        add(out, given, legacy ? "--version" : "--gpu-operator-version",
                gpu.operatorVersion() == null ? null : gpu.operatorVersion().text());
        add(out, given, prefix + "toolkit-version", gpu.toolkitVersion());
        if (gpu.setAsDefaultRuntime() != null) {
            String flag = gpu.setAsDefaultRuntime() ? prefix + "set-as-default-runtime" : prefix + "no-set-as-default-runtime";
            if (!given.contains(flag)) {
                out.add(flag);
            }
        }
        if (gpu.migStrategy() != null && given.stream().noneMatch(a -> a.startsWith("mig.strategy="))) {
            out.add(legacy ? "--set" : "--gpu-operator-set");
            out.add("mig.strategy=" + gpu.migStrategy());
        }
        return out;
    }

    private static void add(List<String> out, List<String> given, String flag, String value) {
        if (value != null && !given.contains(flag)) {
            out.add(flag);
            out.add(value);
        }
    }

    private List<NodeSeed.Repository> repositories() {
        return cluster.addonRepositories().stream()
                .map(r -> new NodeSeed.Repository(r.name(), r.url(), r.reference())).toList();
    }
}
