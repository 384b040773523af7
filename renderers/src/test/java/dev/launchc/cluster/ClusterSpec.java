package dev.launchc.cluster;

import static dev.launchc.cluster.ClusterPipeline.map;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a test expects from a cluster file, read from the file itself with the documented defaults
 * (so one set of checks serves the examples, inline files and generated ones).
 */
record ClusterSpec(String track, List<String> serviceCidrs, List<String> upstream, String domain, List<Node> nodes,
        boolean airgap, String airgapUrl, boolean gpu) {

    /** Newest track in the catalog: what compile targets when spec.microk8s is absent. */
    static final String DEFAULT_TRACK = "1.36";

    record Node(String name, String role, String address, Map<String, String> labels, String migConfig,
            List<String> taints) {
        boolean controlPlane() {
            return "control-plane".equals(role);
        }
    }

    Node bootstrap() {
        return nodes.stream().filter(Node::controlPlane).findFirst().orElseThrow();
    }

    Node node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    static ClusterSpec read(Path clusterFile) {
        Map<String, Object> root = map(ClusterPipeline.yamlDocuments(dev.launchc.pipeline.PipelineFixtures.read(clusterFile)).get(0));
        Map<String, Object> spec = map(root.get("spec"));
        String track = spec.get("microk8s") == null ? DEFAULT_TRACK : String.valueOf(spec.get("microk8s"));
        Map<String, Object> net = map(spec.get("network"));
        List<String> cidrs = new ArrayList<>();
        Map<String, Object> v4 = map(net.get("ipv4"));
        if (!Boolean.FALSE.equals(v4.get("enabled"))) {
            cidrs.add((String) v4.getOrDefault("serviceCIDR", "10.152.183.0/24"));
        }
        if (net.containsKey("ipv6") && !Boolean.FALSE.equals(map(net.get("ipv6")).get("enabled"))) {
            cidrs.add((String) map(net.get("ipv6")).getOrDefault("serviceCIDR", "fd98::/108"));
        }
        Map<String, Object> dns = map(net.get("dns"));
        List<String> upstream = dns.get("upstream") == null ? List.of() : (List<String>) dns.get("upstream");
        String domain = (String) dns.getOrDefault("domain", "cluster.local");
        Map<String, Object> airgap = map(spec.get("airgap"));
        String airgapUrl = airgap.isEmpty() ? null
                : (Boolean.TRUE.equals(airgap.get("plainHTTP")) ? "http://" : "https://") + airgap.get("registry");
        List<Node> nodes = new ArrayList<>();
        boolean gpu = spec.containsKey("gpu");
        for (Object o : (List<Object>) spec.get("nodes")) {
            Map<String, Object> n = map(o);
            Map<String, String> labels = new LinkedHashMap<>();
            map(n.get("labels")).forEach((k, v) -> labels.put(k, v == null ? "" : String.valueOf(v)));
            String mig = (String) map(n.get("gpu")).get("migConfig");
            gpu |= n.containsKey("gpu");
            List<String> taints = new ArrayList<>();
            if (n.get("taints") != null) {
                for (Object t : (List<Object>) n.get("taints")) {
                    Map<String, Object> tm = map(t);
                    Object value = tm.get("value");
                    taints.add(tm.get("key") + (value == null || value.toString().isEmpty() ? "" : "=" + value) + ":"
                            + tm.get("effect"));
                }
            }
            nodes.add(new Node((String) n.get("name"), (String) n.getOrDefault("role", "worker"), (String) n.get("address"),
                    labels, mig, taints));
        }
        return new ClusterSpec(track, cidrs, upstream, domain, nodes, !airgap.isEmpty(), airgapUrl, gpu);
    }
}
