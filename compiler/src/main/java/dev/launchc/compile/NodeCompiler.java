package dev.launchc.compile;

import dev.launchc.catalog.AddonArgumentSpec;
import dev.launchc.catalog.Catalog;
import dev.launchc.catalog.Track;
import dev.launchc.net.Inet;
import dev.launchc.model.internal.AddonRepo;
import dev.launchc.model.internal.AddonRequest;
import dev.launchc.model.internal.ArgEntry;
import dev.launchc.model.internal.ArgsLines;
import dev.launchc.model.internal.LaunchConfig;
import dev.launchc.model.internal.Part;
import dev.launchc.model.internal.ServiceFile;
import dev.launchc.model.internal.Value;
import dev.launchc.plan.FileContent;
import dev.launchc.plan.NodePlan;
import dev.launchc.plan.PlannedFile;
import dev.launchc.plan.Step;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Models a MicroK8s install on one node from its launch config: the track's default files, the
 * pre-init apply (files only), generate-cni.sh, then the cluster agent's full apply (addons,
 * files, join) and the restarts it triggers (reference launch-config-facts §1, §4).
 */
public final class NodeCompiler {
    public static final String TOKENS_FILE = "credentials/persistent-cluster-tokens.txt";
    static final String CSR_FILE = "certs/csr.conf.template";
    private static final String DEFAULT_SERVICE_CIDR = "10.152.183.0/24";
    private static final String DEFAULT_DNS_IP = "10.152.183.10";
    private static final List<String> CSR_DNS = List.of("kubernetes", "kubernetes.default", "kubernetes.default.svc",
            "kubernetes.default.svc.cluster", "kubernetes.default.svc.cluster.local");
    private static final List<String> CSR_IPS = List.of("127.0.0.1", "10.152.183.1");

    private final Track track;
    private final TreeMap<String, String> args = new TreeMap<>();
    private final Set<String> touched = new TreeSet<>();
    private FileContent csr = new FileContent.CsrConf(false, CSR_DNS, CSR_IPS);
    private boolean csrChanged;
    private final List<String> tokens = new ArrayList<>();
    private final List<Step> steps = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Set<String> enabledAddons = new LinkedHashSet<>();

    private NodeCompiler(Track track) {
        this.track = track;
    }

    public static NodePlan compile(String node, LaunchConfig config, Track track) {
        return new NodeCompiler(track).run(node, config);
    }

    /** A node's args files after a launch config was applied to it on a running node, and the services restarted. */
    public record Applied(SortedMap<String, String> args, List<String> restarts) {}

    /**
     * The cluster agent's watcher applying {@code config} to a running node whose args directory
     * holds {@code args} (paths relative to it): the file writes of each part in full mode, then the
     * restarts (launch-config-facts §1.3, §4.1). Addons, repositories and join are not run: the
     * result is what the files become.
     */
    public static Applied applyToNode(Map<String, String> args, LaunchConfig config, Track track) {
        NodeCompiler c = new NodeCompiler(track);
        c.args.putAll(args);
        Set<String> restarts = new TreeSet<>();
        for (Part part : config.parts()) {
            c.applyFiles(part, "full", restarts);
        }
        return new Applied(java.util.Collections.unmodifiableSortedMap(new TreeMap<>(c.args)), List.copyOf(restarts));
    }

    private NodePlan run(String node, LaunchConfig config) {
        args.putAll(track.defaultArgs());
        for (Part part : config.parts()) {
            applyFiles(part, "pre-init", null);
        }
        emptyCniNetwork();
        if (track.runsGenerateCni()) {
            generateCni();
        }
        Set<String> restarts = new TreeSet<>();
        for (Part part : config.parts()) {
            for (AddonRepo repo : part.addonRepositories()) {
                List<String> argv = new ArrayList<>(List.of("microk8s", "addons", "repo", "add", repo.name(), repo.url()));
                if (repo.reference() != null && !repo.reference().isEmpty()) {
                    argv.addAll(List.of("--reference", repo.reference()));
                }
                argv.add("--force");
                steps.add(new Step("full", part.index(), "addon-repo-add", argv, null,
                        "--force deletes and re-clones $SNAP_COMMON/addons/" + repo.name()));
            }
            for (AddonRequest addon : part.addons()) {
                enableOrDisable(part, addon);
            }
            applyFiles(part, "full", restarts);
            if (part.joins()) {
                List<String> argv = new ArrayList<>(List.of("microk8s", "join", Redact.joinUrl(part.join().url())));
                if (part.join().worker()) {
                    argv.add("--worker");
                }
                steps.add(new Step("full", part.index(), "join", argv, null,
                        "join replaces args/kubelet with the kubelet args of the node it contacts"
                                + (part.join().worker() ? " and sets worker node labels" : "")
                                + "; the preview shows args/kubelet before the join"));
                notes.add("args/kubelet is overwritten by 'microk8s join' in part " + (part.index() + 1)
                        + "; only kubelet args set in a later part survive (MicroK8s issue 5236)");
            }
        }
        for (String service : restarts) {
            steps.add(new Step("full", -1, "restart", List.of("snapctl", "restart", "microk8s.daemon-" + service), null, null));
        }
        return new NodePlan(node, track.name(), files(), List.copyOf(steps), List.copyOf(restarts), List.copyOf(notes));
    }

    /** One part's file writes, as the cluster agent does them in either mode (§4.1 steps 3–7). */
    private void applyFiles(Part part, String phase, Set<String> restarts) {
        if (part.persistentClusterToken() != null && !part.persistentClusterToken().text().isEmpty()) {
            tokens.add(part.persistentClusterToken().text());
            steps.add(new Step(phase, part.index(), "token-add", List.of(), TOKENS_FILE,
                    "persistent cluster token appended (the value is secret)"
                            + ("full".equals(phase) ? "; applying install.yaml twice appends it twice" : "")));
        }
        for (ArgEntry file : part.configFiles()) {
            write("args/" + file.key(), file.value());
            steps.add(new Step(phase, part.index(), "write-file", List.of(), "args/" + file.key(), null));
        }
        for (ServiceFile service : ServiceFile.values()) {
            List<ArgEntry> entries = part.args(service);
            if (entries.isEmpty()) {
                continue;
            }
            String path = "args/" + service.fileName();
            ArgsFileEditor.Result r = ArgsFileEditor.apply(args.get(service.fileName()), entries);
            write(path, r.content());
            steps.add(new Step(phase, part.index(), "update-args", List.of(), path, r.changed() ? null : "no change"));
            if (restarts != null && r.changed()) {
                restarts.addAll(service.restarts());
            }
        }
        if (part.extraSANs() != null) {
            List<String> dns = new ArrayList<>(CSR_DNS);
            List<String> ips = new ArrayList<>(CSR_IPS);
            for (Value san : part.extraSANs()) {
                (Inet.parseIp(san.text()) != null ? ips : dns).add(san.text());
            }
            csr = new FileContent.CsrConf(true, dns, ips);
            csrChanged = true;
            steps.add(new Step(phase, part.index(), "write-file", List.of(), CSR_FILE,
                    "the apiservice-kicker reissues certificates when this template changes"));
        }
        for (ArgEntry registry : part.registryConfigs()) {
            // As MicroK8s writes it (a key with '/' nests directories); lint refused the keys it refuses.
            String path = dev.launchc.rules.RegistryConfigRule.hostsTomlPath(registry.key());
            write(path, registry.value());
            steps.add(new Step(phase, part.index(), "write-file", List.of(), path, "containerd reads hosts.toml without a restart"));
        }
    }

    private void write(String path, String content) {
        args.put(path.substring("args/".length()), content);
        touched.add(path);
    }

    private void enableOrDisable(Part part, AddonRequest addon) {
        List<String> argv = new ArrayList<>(List.of("microk8s", addon.disable() ? "disable" : "enable", addon.name()));
        argv.addAll(addon.args());
        String base = addon.name().contains("/") ? addon.name().substring(addon.name().indexOf('/') + 1) : addon.name();
        if (addon.disable()) {
            enabledAddons.remove(base);
            steps.add(new Step("full", part.index(), "addon-disable", argv, null, null));
            return;
        }
        if (!enabledAddons.add(base)) {
            steps.add(new Step("full", part.index(), "addon-enable", argv, null, "already enabled: MicroK8s skips it"));
            return;
        }
        steps.add(new Step("full", part.index(), "addon-enable", argv, null, addonSideEffects(base, addon.args())));
    }

    /** Args the addon's enable script writes through refresh_opt_in_config (addons facts §1.5). */
    private String addonSideEffects(String addon, List<String> addonArgs) {
        switch (addon) {
            case "dns" -> {
                // The enable script reads its third argument (the domain) only where the catalog lists it,
                // and takes an empty second or third argument as a missing one ([ x"${DNSIP}" == "x" ],
                // [ -z "$CLUSTER_DOMAIN" ]).
                String domain = addonArgs.size() >= 3 && takesPositional(addon, 3) && !addonArgs.get(2).isEmpty()
                        ? addonArgs.get(2) : "cluster.local";
                String ip = addonArgs.size() >= 2 && !addonArgs.get(1).isEmpty() ? addonArgs.get(1) : null;
                String nameservers = addonArgs.isEmpty() ? "" : addonArgs.get(0).strip();
                if ((nameservers.isEmpty() || nameservers.equals("/etc/resolv.conf"))
                        && !args.getOrDefault("kubelet", "").contains("--resolv-conf")) {
                    notes.add("the dns addon writes --resolv-conf=<file> at the top of args/kubelet when the host's"
                            + " /etc/resolv.conf, or else /run/systemd/resolve/resolv.conf, lists only non-loopback"
                            + " nameservers; that line depends on the host and is not previewed");
                }
                if (ip == null) {
                    // 1.27's script has a fixed default whatever the service range (the catalog's).
                    AddonArgumentSpec spec = Catalog.get().addonFacts(addon).argsFor("enable", track.name());
                    ip = spec == null ? null : spec.positionalDefault(2, track.name());
                }
                if (ip == null) {
                    String range = ArgsLines.read(args.get("kube-apiserver")).get("--service-cluster-ip-range");
                    if (DEFAULT_SERVICE_CIDR.equals(range)) {
                        ip = DEFAULT_DNS_IP;
                    }
                }
                refresh("kubelet", "--cluster-domain", domain);
                if (ip == null) {
                    notes.add("the dns addon picks the kube-dns ClusterIP for a custom service CIDR at enable time;"
                            + " pass it as the addon's second argument to make --cluster-dns known");
                    return "sets kubelet --cluster-domain and --cluster-dns (ClusterIP not known at compile time)";
                }
                refresh("kubelet", "--cluster-dns", ip);
                return "sets kubelet --cluster-domain=" + domain + " and --cluster-dns=" + ip + ", restarts kubelite";
            }
            case "rbac" -> {
                refresh("kube-apiserver", "--authorization-mode", "RBAC,Node");
                return "sets kube-apiserver --authorization-mode=RBAC,Node, restarts kubelite";
            }
            case "metrics-server" -> {
                refresh("kubelet", "--authentication-token-webhook", "true");
                return "sets kubelet --authentication-token-webhook=true, restarts kubelite";
            }
            case "observability" -> {
                refresh("kube-proxy", "--metrics-bind-address", "0.0.0.0:10249");
                notes.add("observability also points kube-scheduler and kube-controller-manager at authentication"
                        + " and authorization kubeconfigs; those lines are not previewed");
                return "sets kube-proxy --metrics-bind-address=0.0.0.0:10249 and scheduler/controller-manager kubeconfig args";
            }
            default -> {
                return null;
            }
        }
    }

    /** Whether the addon's enable script takes a positional argument at {@code index} (1-based) on this track. */
    private boolean takesPositional(String addon, int index) {
        AddonArgumentSpec spec = Catalog.get().addonFacts(addon).argsFor("enable", track.name());
        return spec != null && spec.positional().stream().anyMatch(p -> p.index() == index && p.range().holds(track.name()));
    }

    private void refresh(String file, String option, String value) {
        ArgsFileEditor.Result r = ArgsFileEditor.refreshOption(args.get(file), option, value, track.helperInsertsAtTop());
        if (r.changed()) {
            write("args/" + file, r.content());
        }
    }

    /**
     * The install hook empties args/cni-network/ after the pre-init apply ({@code rm -rf
     * $SNAP_DATA/args/cni-network/*}, MK snap/hooks/install in every track), before the CNI
     * manifest is written there: the default flannel.conflist does not survive the install. The
     * shell glob spares names that start with a dot.
     */
    private void emptyCniNetwork() {
        String dir = "cni-network/";
        args.keySet().removeIf(path -> path.startsWith(dir) && !path.startsWith(".", dir.length()));
    }

    /** generate-cni.sh: cni-env decides the service and cluster CIDR flags (each track's generate-cni.txt in the reference). */
    private void generateCni() {
        Map<String, String> env = ArgsFileEditor.readEnv(args.get("cni-env"));
        String clusterCidr = joinFamilies(env, "CLUSTER_CIDR");
        String serviceCidr = joinFamilies(env, "SERVICE_CIDR");
        if (clusterCidr.isEmpty() || serviceCidr.isEmpty()) {
            notes.add("generate-cni.sh found no enabled IP family in cni-env and fails; the install stops");
            return;
        }
        refresh("kube-apiserver", "--service-cluster-ip-range", serviceCidr);
        refresh("kube-controller-manager", "--service-cluster-ip-range", serviceCidr);
        refresh("kube-controller-manager", "--cluster-cidr", clusterCidr);
        refresh("kube-proxy", "--cluster-cidr", clusterCidr);
        steps.add(new Step("generate-cni", -1, "generate-cni", List.of("$SNAP/scripts/generate-cni.sh"), "args/cni-env",
                "sets --service-cluster-ip-range=" + serviceCidr + " and --cluster-cidr=" + clusterCidr
                        + "; writes args/cni-network/cni.yaml from the bundled Calico manifest (not previewed)"));
    }

    private static String joinFamilies(Map<String, String> env, String suffix) {
        List<String> parts = new ArrayList<>();
        for (String family : List.of("IPv4", "IPv6")) {
            if ("true".equals(env.get(family + "_SUPPORT"))) {
                String v = env.getOrDefault(family + "_" + suffix, "");
                if (!v.isEmpty()) {
                    parts.add(v);
                }
            }
        }
        return String.join(",", parts);
    }

    private SortedMap<String, PlannedFile> files() {
        SortedMap<String, PlannedFile> out = new TreeMap<>();
        Map<String, String> defaults = track.defaultArgs();
        for (Map.Entry<String, String> e : args.entrySet()) {
            String path = "args/" + e.getKey();
            boolean unchanged = e.getValue().equals(defaults.get(e.getKey()));
            FileContent content = "containerd-template.toml".equals(e.getKey()) && unchanged
                    ? new FileContent.ContainerdTemplate(track.pauseImage())
                    : new FileContent.Text(e.getValue());
            out.put(path, new PlannedFile(path, content, false, unchanged ? "default" : touched.contains(path) ? "changed" : "generated"));
        }
        out.put(CSR_FILE, new PlannedFile(CSR_FILE, csr, false, csrChanged ? "changed" : "default"));
        if (!tokens.isEmpty()) {
            out.put(TOKENS_FILE, new PlannedFile(TOKENS_FILE, new FileContent.Text(String.join("\n", tokens) + "\n"), true, "generated"));
        }
        return out;
    }
}
