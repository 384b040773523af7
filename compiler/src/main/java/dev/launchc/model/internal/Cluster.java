package dev.launchc.model.internal;

import dev.launchc.load.YDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The hub model of a whole cluster, with defaults applied. Every cluster API version converts to
 * this; cluster rules and seed derivation see nothing else. Pointers lead back to the source.
 *
 * @param track the MicroK8s track the file names, or null when it names none
 * @param confinement {@code spec.confinement} as written, or null for the default (classic)
 */
public record Cluster(
        String name,
        YDocument source,
        Value track,
        Network network,
        List<Mirror> mirrors,
        Map<String, HostTls> hostTls,
        Airgap airgap,
        Map<ServiceFile, List<ArgEntry>> services,
        List<AddonRequest> addons,
        List<AddonRepo> addonRepositories,
        Gpu gpu,
        TokenSource token,
        List<Value> extraSANs,
        List<Node> nodes,
        Value confinement) {

    /** True when the cluster runs the strictly confined MicroK8s snap ({@code spec.confinement: strict}). */
    public boolean strict() {
        return confinement != null && "strict".equals(confinement.text());
    }

    /** An IP family in use: its pod and service CIDR. */
    /** The CIDRs MicroK8s ships (Calico's pod pool, kube-apiserver's service range): a family that names none gets these. */
    public static final String DEFAULT_POD_CIDR_V4 = "10.1.0.0/16";
    public static final String DEFAULT_SERVICE_CIDR_V4 = "10.152.183.0/24";
    public static final String DEFAULT_POD_CIDR_V6 = "fd01::/64";
    public static final String DEFAULT_SERVICE_CIDR_V6 = "fd98::/108";

    public record IpFamily(Value podCidr, Value serviceCidr) {}

    /** @param ipv4 null when disabled; @param ipv6 null unless given (dual stack or IPv6 only) */
    public record Network(String cni, IpFamily ipv4, IpFamily ipv6, Value mtu, String domain, List<Value> upstream,
            String pointer) {}

    /** Endpoints tried in order for one upstream namespace such as docker.io. */
    public record Mirror(String namespace, List<Value> endpoints, String pointer) {
        /**
         * The endpoints with every repeat left out, the first of each kept (see {@link #sameEndpoint}):
         * hosts.toml names each endpoint as a table, and TOML refuses a table defined twice.
         */
        public List<Value> distinctEndpoints() {
            Map<String, Value> first = new LinkedHashMap<>();
            for (Value endpoint : endpoints) {
                first.putIfAbsent(endpointIdentity(endpoint.text()), endpoint);
            }
            return List.copyOf(first.values());
        }

        /**
         * True when containerd would reach the same registry through both URLs: scheme and host
         * are case-insensitive, and a trailing '/' changes nothing because containerd appends
         * {@code /v2} to the path as a path segment.
         */
        public static boolean sameEndpoint(String a, String b) {
            return endpointIdentity(a).equals(endpointIdentity(b));
        }

        private static String endpointIdentity(String url) {
            int scheme = url.indexOf("://");
            if (scheme < 0) {
                return url;
            }
            int pathStart = url.indexOf('/', scheme + 3);
            String schemeAndHost = pathStart < 0 ? url : url.substring(0, pathStart);
            String path = pathStart < 0 ? "" : url.substring(pathStart);
            while (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            return schemeAndHost.toLowerCase(Locale.ROOT) + path;
        }
    }

    public record HostTls(String host, String ca, String cert, String key, boolean skipVerify, List<String> capabilities,
            boolean overridePath, String pointer) {
        /** The {@code host[:port]} of an endpoint URL, the key under which its TLS settings are looked up. */
        public static String keyOf(String url) {
            return url.replaceFirst("^[a-z]+://", "").replaceFirst("/.*$", "");
        }
    }

    public record Airgap(Value registry, boolean plainHttp, String ca, String pointer) {}

    /** @param migStrategy null when the file does not set one (the chart default applies) */
    public record Gpu(String driver, Value operatorVersion, String toolkitVersion, Boolean setAsDefaultRuntime,
            String migStrategy, String pointer) {}

    /** Where compile reads the join token; the file never holds the token itself. */
    public record TokenSource(String fromEnv, String fromFile, String pointer) {}

    public record Taint(String key, String value, String effect, String pointer) {}

    public record Node(Value name, String role, Value address, String arch, List<ArgEntry> labels, List<Taint> taints,
            Value gpuModel, Value migConfig, Map<ServiceFile, List<ArgEntry>> services, List<Value> extraSANs,
            String pointer) {
        public boolean isControlPlane() {
            return "control-plane".equals(role);
        }
    }

    /** The service args of the whole cluster, then those of each node, in file order. */
    public List<Map<ServiceFile, List<ArgEntry>>> serviceMaps() {
        List<Map<ServiceFile, List<ArgEntry>>> maps = new ArrayList<>();
        maps.add(services);
        nodes.forEach(n -> maps.add(n.services()));
        return maps;
    }

    /** Every entry for one service file, cluster-wide and on each node, in file order. */
    public List<ArgEntry> serviceArgs(ServiceFile file) {
        return serviceMaps().stream().flatMap(m -> m.getOrDefault(file, List.of()).stream()).toList();
    }

    public List<Node> controlPlanes() {
        return nodes.stream().filter(Node::isControlPlane).toList();
    }
}
