package dev.launchc.images;

import dev.launchc.catalog.AddonFacts;
import dev.launchc.catalog.Catalog;
import dev.launchc.catalog.GpuAddon;
import dev.launchc.catalog.GpuOperator;
import dev.launchc.catalog.Track;
import dev.launchc.model.internal.AddonRequest;
import dev.launchc.model.internal.Cluster;
import dev.launchc.model.internal.LaunchConfig;
import dev.launchc.model.internal.Part;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The container images a cluster (or one native launch config) needs, from the catalog (SPEC §6,
 * reference addons-gpu-airgap-facts §1.3, §2.3, §4.2). Every list carries where it comes from.
 *
 * <ul>
 *   <li><b>Core</b>: the track's pause image ({@code sandbox_image}) and, when the CNI is Calico,
 *       the track's Calico images (both from the track's {@code build-scripts/images.txt}).</li>
 *   <li><b>Addons</b>, each enabled one and the addons its enable script enables in turn
 *       ({@code dependencies[].kind == "enables"}): the addon's {@code images} for the track in
 *       addons-extra.json, plus {@code imagesTxtDiffers} (the facts say to take both). When the
 *       facts have no list for the track, the track's {@code images.txt} entries that belong to the
 *       addon, by repository: {@link #IMAGES_TXT_OWNERS}. Addons that run no pods of their own
 *       ({@link #NO_IMAGES}) need none. Anything else is {@link Unknown}: mostly Helm-based addons,
 *       whose images follow the chart that is fetched at enable time.</li>
 *   <li><b>GPU</b>: the images of the GPU Operator version the cluster asks for (else the track's
 *       default), for the nodes that have GPUs (every node when none says so).</li>
 * </ul>
 * A cluster always gets {@code dns}, as its seeds do (a user launch config replaces MicroK8s'
 * default one, which is what enables dns otherwise).
 */
public final class ImageResolver {
    /**
     * Which {@code images.txt} entries belong to which addon, by repository prefix. images.txt
     * comes from enabling {@code storage ingress metrics-server dns} on a fresh node (facts §1.3,
     * {@code update-images.sh}); busybox is the image of hostpath-storage's helper pods.
     */
    static final Map<String, List<String>> IMAGES_TXT_OWNERS = Map.of(
            "dns", List.of("docker.io/coredns/coredns:"),
            "hostpath-storage", List.of("docker.io/cdkbot/hostpath-provisioner:", "docker.io/library/busybox:"),
            "metrics-server", List.of("registry.k8s.io/metrics-server/metrics-server:"),
            "ingress", List.of("registry.k8s.io/ingress-nginx/controller:", "docker.io/library/traefik:"));

    /**
     * Addons that start no pods of their own (facts §1.1): rbac only sets an API server flag, helm
     * and helm3 are no-ops, host-access adds an address on lo, community adds a local repository,
     * ha-cluster switches to Calico and dqlite (the Calico images are core images).
     */
    static final Set<String> NO_IMAGES = Set.of("rbac", "helm", "helm3", "host-access", "community", "ha-cluster");

    static final String CALICO_PREFIX = "docker.io/calico/";

    public enum Kind { CORE, ADDON, GPU }

    /**
     * The images of one component.
     *
     * @param name    "pause", "calico", the addon's name, or "gpu-operator"
     * @param version the GPU Operator version for {@link Kind#GPU}, else null
     * @param via     what brought the component in: the addon whose script enables it, "default"
     *                for the dns addon a cluster always gets, "network.cni", or null
     * @param nodes   the nodes that need these images
     */
    public record Group(Kind kind, String name, String version, List<String> images, String source, String via,
            List<String> nodes) {}

    /**
     * A component whose images the catalog cannot tell offline.
     *
     * @param pointer      where the addon is named in the input, for diagnostics (may be null)
     * @param unknownAddon true when the track has no addon of that name at all (lint reports that itself)
     */
    public record Unknown(String name, String reason, String pointer, boolean unknownAddon) {}

    /** Everything resolved for one input. */
    public record Result(String track, List<Group> groups, List<Unknown> unknown, List<String> nodes) {
        /** Every image, fully qualified, sorted and deduplicated. */
        public List<String> all() {
            Set<String> out = new TreeSet<>();
            groups.forEach(g -> out.addAll(g.images()));
            return List.copyOf(out);
        }

        /** The images one node needs, sorted and deduplicated. */
        public List<String> forNode(String node) {
            Set<String> out = new TreeSet<>();
            groups.stream().filter(g -> g.nodes().contains(node)).forEach(g -> out.addAll(g.images()));
            return List.copyOf(out);
        }

        /** Upstream registry namespaces ({@code docker.io}, {@code registry.k8s.io}, …) of the images, sorted. */
        public List<String> namespaces() {
            Set<String> out = new TreeSet<>();
            all().forEach(i -> out.add(namespace(i)));
            return List.copyOf(out);
        }
    }

    private final Track track;
    private final List<String> allNodes;
    private final List<Group> groups = new ArrayList<>();
    private final List<Unknown> unknown = new ArrayList<>();
    private final Set<String> seen = new LinkedHashSet<>();

    private ImageResolver(Track track, List<String> allNodes) {
        this.track = track;
        this.allNodes = allNodes;
    }

    /** The images of a cluster on its track. */
    public static Result resolve(Cluster cluster, Track track) {
        List<String> nodes = cluster.nodes().stream().map(n -> n.name().text()).toList();
        ImageResolver r = new ImageResolver(track, nodes);
        String cni = cluster.network() == null || cluster.network().cni() == null ? "calico" : cluster.network().cni();
        r.core("calico".equals(cni));
        if (!"calico".equals(cni) && !"none".equals(cni)) {
            r.addon(cni, "network.cni", "/spec/network/cni");
        }
        boolean dnsListed = cluster.addons().stream().anyMatch(a -> AddonFacts.baseName(a.name()).equals("dns"));
        if (!dnsListed) {
            r.addon("dns", "default", null);
        }
        List<String> gpuNodes = cluster.nodes().stream().filter(n -> n.gpuModel() != null || n.migConfig() != null)
                .map(n -> n.name().text()).toList();
        String driver = cluster.gpu() == null ? null : cluster.gpu().driver();
        for (AddonRequest a : cluster.addons()) {
            if (a.disable()) {
                continue;
            }
            if (r.isGpuAddon(a.name())) {
                String version = cluster.gpu() != null && cluster.gpu().operatorVersion() != null
                        ? cluster.gpu().operatorVersion().text() : null;
                r.gpu(AddonFacts.baseName(a.name()), version, driver, gpuNodes.isEmpty() ? nodes : gpuNodes, a.pointer());
            } else {
                r.addon(a.name(), null, a.pointer());
            }
        }
        return r.result();
    }

    /** The images of one native launch config on a track; its single node is {@code node}. */
    public static Result resolve(LaunchConfig config, Track track, String node) {
        ImageResolver r = new ImageResolver(track, List.of(node));
        r.core(true);
        // The last request for an addon wins: enabled in one part and disabled in a later one means disabled.
        Map<String, AddonRequest> last = new LinkedHashMap<>();
        for (Part part : config.parts()) {
            for (AddonRequest a : part.addons()) {
                if (!a.name().isBlank()) {
                    String base = AddonFacts.baseName(a.name());
                    last.remove(base);
                    last.put(base, a);
                }
            }
        }
        for (AddonRequest a : last.values()) {
            if (a.disable()) {
                continue;
            }
            if (r.isGpuAddon(a.name())) {
                r.gpu(AddonFacts.baseName(a.name()), flag(a.args(), "--gpu-operator-version", "--version"),
                        flag(a.args(), "--gpu-operator-driver", "--driver"), List.of(node), a.pointer());
            } else {
                r.addon(a.name(), null, a.pointer());
            }
        }
        return r.result();
    }

    private Result result() {
        return new Result(track.name(), List.copyOf(groups), List.copyOf(unknown), allNodes);
    }

    // ---- core ----

    private void core(boolean calico) {
        String t = track.name();
        groups.add(new Group(Kind.CORE, "pause", null, List.of(track.pauseImage()), "catalog tracks/" + t
                + ".json pauseImage (MicroK8s " + t + " containerd-template.toml sandbox_image, also in images.txt)",
                null, allNodes));
        if (calico) {
            List<String> images = track.images().stream().filter(i -> i.startsWith(CALICO_PREFIX)).sorted().toList();
            groups.add(new Group(Kind.CORE, "calico", null, images, "catalog tracks/" + t + ".json images (MicroK8s " + t
                    + " build-scripts/images.txt)", null, allNodes));
        }
    }

    // ---- addons ----

    private void addon(String requested, String via, String pointer) {
        String name = canonical(AddonFacts.baseName(requested));
        if (!seen.add(name)) {
            return;
        }
        AddonFacts facts = Catalog.get().addonFacts(name);
        String t = track.name();
        List<String> listed = facts.images().get(t);
        if (listed != null) {
            Set<String> images = new TreeSet<>(listed);
            String source = "catalog addons-extra.json: "
                    + (facts.imagesSource() == null ? "addons-gpu-airgap-facts.md §1.3" : facts.imagesSource());
            List<String> differs = facts.imagesTxtDiffers().getOrDefault(t, List.of());
            if (!differs.isEmpty()) {
                images.addAll(differs);
                source += "; plus the tag in MicroK8s " + t + " images.txt, which differs";
            }
            if (facts.imagesInferred().contains(t)) {
                source += " (inferred for " + t + ")";
            }
            groups.add(new Group(Kind.ADDON, name, null, List.copyOf(images), source, via, allNodes));
        } else if (IMAGES_TXT_OWNERS.containsKey(name)) {
            List<String> images = track.images().stream()
                    .filter(i -> IMAGES_TXT_OWNERS.get(name).stream().anyMatch(i::startsWith)).sorted().toList();
            groups.add(new Group(Kind.ADDON, name, null, images, "catalog tracks/" + t + ".json (MicroK8s " + t
                    + " build-scripts/images.txt, the entries of this addon)", via, allNodes));
        } else if (NO_IMAGES.contains(name)) {
            groups.add(new Group(Kind.ADDON, name, null, List.of(),
                    "runs no pods of its own (addons-gpu-airgap-facts.md §1.1)", via, allNodes));
        } else {
            unknown.add(new Unknown(name, unknownReason(name, facts), pointer, !track.addons().containsKey(name)));
        }
        for (String dep : facts.enablesOn(t)) {
            if (!dep.isEmpty()) {
                String depName = AddonFacts.baseName(dep);
                if (isGpuAddon(depName)) {
                    continue;
                }
                addon(depName, name, pointer);
            }
        }
    }

    /** Why the catalog has no image list for an addon on this track. */
    private String unknownReason(String name, AddonFacts facts) {
        String t = track.name();
        if (!track.addons().containsKey(name)) {
            return name + " is not an addon of MicroK8s " + t;
        }
        for (AddonFacts.Network n : facts.network()) {
            if (n.needsInternet() && n.range().holds(t)) {
                List<String> fetches = n.fetches();
                boolean helm = fetches.stream().anyMatch(f -> f.toLowerCase(java.util.Locale.ROOT).contains("helm"));
                return (helm ? "Helm-based on " + t + ": its images follow the chart it fetches when enabled"
                        : "it fetches from the internet when enabled on " + t)
                        + (fetches.isEmpty() ? "" : " (" + String.join("; ", fetches) + ")");
            }
        }
        if (!facts.images().isEmpty()) {
            List<String> have = new ArrayList<>(facts.images().keySet());
            return "the catalog lists its images for MicroK8s " + String.join(", ", have) + " only, not " + t;
        }
        return "the catalog has no image list for " + name + " (the reference does not give one)";
    }

    /** The addon an alias stands for on this track ({@code storage} → {@code hostpath-storage}). */
    private String canonical(String name) {
        AddonFacts.Alias alias = Catalog.get().addonFacts(name).aliasOn(track.name());
        return alias != null && alias.addon() != null && !alias.addon().isEmpty() ? alias.addon() : name;
    }

    // ---- GPU ----

    private boolean isGpuAddon(String requested) {
        // A track the GPU facts do not cover (1.27) has no operator version to take images from:
        // its gpu addon is an ordinary addon here.
        GpuAddon gpu = Catalog.get().gpuAddon(track).filter(GpuAddon::covered).orElse(null);
        return gpu != null && gpu.isNamed(AddonFacts.baseName(requested));
    }

    private void gpu(String addon, String version, String driver, List<String> nodes, String pointer) {
        if (!seen.add("gpu")) {
            return;
        }
        GpuAddon gpu = Catalog.get().gpuAddon(track).orElseThrow();
        String v = version != null ? version : gpu.operatorVersionDefault();
        GpuOperator operator = v == null ? null : Catalog.get().gpuOperator(v).orElse(null);
        if (operator == null) {
            unknown.add(new Unknown("gpu-operator", "GPU Operator " + (v == null ? "(no version)" : v)
                    + " is not in the catalog, so its images are not known", pointer, false));
        } else {
            groups.add(new Group(Kind.GPU, "gpu-operator", v, operator.images().stream().sorted().toList(),
                    "catalog gpu-operator/" + v + ".json (NVIDIA/gpu-operator " + v + " deployments/gpu-operator/values.yaml)",
                    addon, nodes));
            if ("operator".equals(driver)) {
                unknown.add(new Unknown("gpu-driver", "with the operator driver (driver: operator) the driver container "
                        + "nvcr.io/nvidia/driver:<version>-<os> depends on each node's OS; add it to the registry yourself",
                        pointer, false));
            }
        }
        // The GPU addon's own dependencies (dns, helm3 by default).
        for (String dep : Catalog.get().addonFacts(canonical(addon)).enablesOn(track.name())) {
            addon(AddonFacts.baseName(dep), addon, pointer);
        }
    }

    // ---- helpers ----

    /** The value of the first of {@code names} in an argv tail ({@code --flag value} or {@code --flag=value}). */
    static String flag(List<String> args, String... names) {
        for (String name : names) {
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (a.equals(name) && i + 1 < args.size()) {
                    return args.get(i + 1);
                }
                if (a.startsWith(name + "=")) {
                    return a.substring(name.length() + 1);
                }
            }
        }
        return null;
    }

    /** The registry host of a fully qualified reference: {@code docker.io/calico/node:v3.28.1} → {@code docker.io}. */
    public static String namespace(String image) {
        int slash = image.indexOf('/');
        return slash < 0 ? "docker.io" : image.substring(0, slash);
    }

    /**
     * The repository path of a fully qualified reference without its registry, tag or digest:
     * {@code docker.io/calico/node:v3.28.1} → {@code calico/node}.
     */
    public static String repository(String image) {
        String rest = image.substring(image.indexOf('/') + 1);
        int at = rest.indexOf('@');
        if (at >= 0) {
            rest = rest.substring(0, at);
        }
        int colon = rest.lastIndexOf(':');
        return colon > rest.lastIndexOf('/') ? rest.substring(0, colon) : rest;
    }

    /** The tag or digest of a fully qualified reference ({@code v3.28.1}, {@code sha256:…}); "latest" when absent. */
    public static String object(String image) {
        String rest = image.substring(image.indexOf('/') + 1);
        int at = rest.indexOf('@');
        if (at >= 0) {
            return rest.substring(at + 1);
        }
        int colon = rest.lastIndexOf(':');
        return colon > rest.lastIndexOf('/') ? rest.substring(colon + 1) : "latest";
    }
}
