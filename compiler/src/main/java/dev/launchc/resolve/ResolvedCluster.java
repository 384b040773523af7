package dev.launchc.resolve;

import dev.launchc.model.internal.Cluster;
import dev.launchc.model.internal.Value;
import dev.launchc.net.Inet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The facts of a cluster that more than one stage needs, each worked out once: the node that
 * bootstraps it and the address the others join, the service network with the kube-dns and
 * kubernetes Service addresses in it, and the CNI env generate-cni.sh reads. The cluster rules and
 * the seed derivation both read them here, so the two can never disagree.
 *
 * <p>Every derived value is a {@link Value} whose pointer is its origin: the cluster-file entry it
 * is computed from, so a finding on what was derived from it can point at the line the user wrote.
 */
public final class ResolvedCluster {
    /** The port of the cluster agent that {@code microk8s join} talks to (pkg/k8sinit, cluster agent). */
    public static final int CLUSTER_AGENT_PORT = 25000;

    private final Cluster cluster;
    private final Cluster.Node bootstrap;
    private final List<Value> serviceCidrs;
    private final Value dnsIp;
    private final List<Value> firstServiceIps;
    private final Map<String, Value> cniEnv;

    private ResolvedCluster(Cluster cluster) {
        this.cluster = cluster;
        List<Cluster.Node> controlPlanes = cluster.controlPlanes();
        this.bootstrap = controlPlanes.isEmpty() ? null : controlPlanes.get(0);
        this.serviceCidrs = serviceCidrs(cluster.network());
        this.dnsIp = dnsIp(serviceCidrs);
        List<Value> first = new ArrayList<>();
        for (Value cidr : serviceCidrs) {
            String ip = nth(cidr.text(), 1);
            if (ip != null) {
                first.add(new Value(ip, cidr.pointer()));
            }
        }
        this.firstServiceIps = List.copyOf(first);
        this.cniEnv = Collections.unmodifiableMap(cniEnv(cluster.network()));
    }

    public static ResolvedCluster of(Cluster cluster) {
        return new ResolvedCluster(cluster);
    }

    public Cluster cluster() {
        return cluster;
    }

    /** The first control-plane node in file order: it bootstraps the cluster and the others join it. Null when there is none. */
    public Cluster.Node bootstrap() {
        return bootstrap;
    }

    /** The bootstrap node's name, or null. */
    public String bootstrapName() {
        return bootstrap == null ? null : bootstrap.name().text();
    }

    /** {@code address:25000} of the bootstrap node, which every other node joins; null without one. Origin: its address. */
    public Value joinAddress() {
        return bootstrap == null ? null
                : new Value(HostPort.join(bootstrap.address().text(), CLUSTER_AGENT_PORT), bootstrap.address().pointer());
    }

    /** The service CIDRs of the families in use, IPv4 first, as written (or defaulted). */
    public List<Value> serviceCidrs() {
        return serviceCidrs;
    }

    /**
     * True when the service CIDR of every family in use parses as an address of that family; when
     * one does not, NetworkRule reports it (LC3019) and addresses judged against it would all look wrong.
     */
    public boolean serviceCidrsParse() {
        return parses(cluster.network().ipv4(), 4) && parses(cluster.network().ipv6(), 6);
    }

    private static boolean parses(Cluster.IpFamily f, int family) {
        if (f == null) {
            return true;
        }
        Inet.Cidr c = Inet.parseCidr(f.serviceCidr().text());
        return c != null && c.family() == family;
    }

    /** The service CIDR of one family (4 or 6) as a network; null when the family is off. Call only when {@link #serviceCidrsParse()}. */
    public Inet.Cidr serviceNetwork(int family) {
        Cluster.IpFamily f = family == 4 ? cluster.network().ipv4() : cluster.network().ipv6();
        return f == null ? null : Inet.parseCidr(f.serviceCidr().text()).network();
    }

    /** The first address of each service CIDR: the kubernetes Service's ClusterIP, which the SANs must hold. */
    public List<Value> firstServiceIps() {
        return firstServiceIps;
    }

    /**
     * The kube-dns ClusterIP: the tenth address, as MicroK8s uses 10.152.183.10 in 10.152.183.0/24;
     * in a range too small for that, its last usable address (the first is the kubernetes Service).
     * Null when there is no service CIDR or it does not parse. Origin: the primary service CIDR.
     */
    public Value dnsIp() {
        return dnsIp;
    }

    /** The cni-env that generate-cni.sh reads, key by key, each with the entry it comes from. */
    public Map<String, Value> cniEnv() {
        return cniEnv;
    }

    /** True when the cluster uses GPUs: spec.gpu, or a node with a GPU model or a MIG config. */
    public boolean usesGpu() {
        return cluster.gpu() != null
                || cluster.nodes().stream().anyMatch(n -> n.gpuModel() != null || n.migConfig() != null);
    }

    /** The SANs of a node's API server certificate: the first service IPs, then the cluster's and the node's extraSANs, each once. */
    public List<Value> sans(Cluster.Node node) {
        Map<String, Value> out = new LinkedHashMap<>();
        for (Value v : firstServiceIps) {
            out.putIfAbsent(v.text(), v);
        }
        cluster.extraSANs().forEach(v -> out.putIfAbsent(v.text(), v));
        node.extraSANs().forEach(v -> out.putIfAbsent(v.text(), v));
        return List.copyOf(out.values());
    }

    private static List<Value> serviceCidrs(Cluster.Network network) {
        List<Value> out = new ArrayList<>();
        if (network.ipv4() != null) {
            out.add(network.ipv4().serviceCidr());
        }
        if (network.ipv6() != null) {
            out.add(network.ipv6().serviceCidr());
        }
        return List.copyOf(out);
    }

    private static Value dnsIp(List<Value> cidrs) {
        if (cidrs.isEmpty()) {
            return null;
        }
        Value primary = cidrs.get(0);
        String tenth = nth(primary.text(), 10);
        if (tenth != null && !tenth.equals(nth(primary.text(), lastUsable(primary.text())))) {
            return new Value(tenth, primary.pointer());
        }
        long last = lastUsable(primary.text());
        String ip = last >= 2 ? nth(primary.text(), last) : null;
        return ip == null ? null : new Value(ip, primary.pointer());
    }

    /** The address {@code network + n} of a CIDR, or null when it does not parse. */
    static String nth(String cidr, long n) {
        Inet.Cidr c = Inet.parseCidr(cidr);
        if (c == null) {
            return null;
        }
        byte[] ip = c.network().plus(n);
        return ip == null ? null : Inet.format(ip);
    }

    /** The offset of a range's last usable address: IPv4 keeps its broadcast address out. */
    private static long lastUsable(String cidr) {
        Inet.Cidr c = Inet.parseCidr(cidr);
        if (c == null || c.hostBits() >= 62) {
            return Long.MAX_VALUE;
        }
        long size = 1L << c.hostBits();
        return c.family() == 4 ? size - 2 : size - 1;
    }

    private static Map<String, Value> cniEnv(Cluster.Network n) {
        Map<String, Value> env = new LinkedHashMap<>();
        String p = n.pointer();
        env.put("CNI", new Value("calico", p));
        env.put("IPv4_SUPPORT", new Value(String.valueOf(n.ipv4() != null), p + "/ipv4"));
        if (n.ipv4() != null) {
            env.put("IPv4_CLUSTER_CIDR", n.ipv4().podCidr());
            env.put("IPv4_SERVICE_CIDR", n.ipv4().serviceCidr());
        }
        env.put("IPv6_SUPPORT", new Value(String.valueOf(n.ipv6() != null), p + "/ipv6"));
        if (n.ipv6() != null) {
            env.put("IPv6_CLUSTER_CIDR", n.ipv6().podCidr());
            env.put("IPv6_SERVICE_CIDR", n.ipv6().serviceCidr());
        }
        if (n.mtu() != null) {
            env.put("CALICO_VETH_MTU", n.mtu());
        }
        return env;
    }
}
