package dev.launchc.resolve;

import dev.launchc.catalog.Track;
import dev.launchc.model.internal.ArgEntry;
import dev.launchc.model.internal.LaunchConfig;
import dev.launchc.model.internal.Part;
import dev.launchc.model.internal.ServiceFile;
import dev.launchc.net.Inet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The service CIDR(s) a node ends up with, and which input decides them, in this order:
 * <ol>
 *   <li>extraCNIEnv, when some part sets {@code IPv4_SERVICE_CIDR} or {@code IPv6_SERVICE_CIDR}:
 *       generate-cni.sh writes {@code --service-cluster-ip-range} from the effective cni-env, one
 *       CIDR per family whose {@code IPvX_SUPPORT} is {@code true}, IPv4 first;</li>
 *   <li>else {@code --service-cluster-ip-range} in the parts' extraKubeAPIServerArgs (last one wins);</li>
 *   <li>else the track's default kube-apiserver args file (10.152.183.0/24).</li>
 * </ol>
 * Unknown (null) when the deciding input is unusable: a removed flag, no valid CIDR, or a broken
 * cni-env (CniEnvRule reports that). The first CIDR is the primary family: the one the
 * {@code kubernetes} Service takes its address from.
 */
public final class ServiceNetwork {
    public static final String FLAG = "--service-cluster-ip-range";

    /**
     * @param part    the part holding the deciding entry; null for the track default
     * @param pointer the deciding entry's JSON pointer in {@code part}; null for the track default
     * @param origin  a phrase for messages: where the CIDRs come from
     */
    public record Effective(List<Inet.Cidr> cidrs, Part part, String pointer, String origin) {
        public boolean isDefault() {
            return part == null;
        }

        public Inet.Cidr primary() {
            return cidrs.get(0);
        }

        public Inet.Cidr ofFamily(int family) {
            for (Inet.Cidr c : cidrs) {
                if (c.family() == family) {
                    return c;
                }
            }
            return null;
        }

        public String describe() {
            StringBuilder sb = new StringBuilder();
            for (Inet.Cidr c : cidrs) {
                sb.append(sb.length() == 0 ? "" : ",").append(c);
            }
            return sb.toString();
        }
    }

    private ServiceNetwork() {}

    /** Rules read it through {@link ResolvedConfig}, which computes it once per config. */
    static Effective of(LaunchConfig config, Track track, CniEnv env) {
        if (env != null && (env.setByParts("IPv4_SERVICE_CIDR") || env.setByParts("IPv6_SERVICE_CIDR"))) {
            return fromCniEnv(env);
        }
        ArgEntry last = null;
        Part lastPart = null;
        for (Part part : config.parts()) {
            for (ArgEntry e : part.args(ServiceFile.KUBE_APISERVER)) {
                if (FLAG.equals(e.key())) {
                    last = e;
                    lastPart = part;
                }
            }
        }
        if (last != null) {
            if (last.isRemoval()) {
                return null;
            }
            List<Inet.Cidr> cidrs = parseList(KubeArgs.kubeliteView(last.value()));
            return cidrs.isEmpty() ? null
                    : new Effective(cidrs, lastPart, last.pointer(), FLAG + " in extraKubeAPIServerArgs");
        }
        List<Inet.Cidr> defaults = defaults(track);
        return defaults.isEmpty() ? null
                : new Effective(defaults, null, null, "the default kube-apiserver args of MicroK8s " + track.name());
    }

    /** The default service range of each track, read once per process: every file linted needs it. */
    private static final Map<Track, List<Inet.Cidr>> TRACK_DEFAULTS = new ConcurrentHashMap<>();

    /** The service CIDRs of the track's default kube-apiserver args file; empty if it has none. */
    public static List<Inet.Cidr> defaults(Track track) {
        return TRACK_DEFAULTS.computeIfAbsent(track, t -> List.copyOf(readDefaults(t)));
    }

    private static List<Inet.Cidr> readDefaults(Track track) {
        String file = track.defaultArgs().get(ServiceFile.KUBE_APISERVER.fileName());
        if (file == null) {
            return List.of();
        }
        for (String raw : file.split("\n", -1)) {
            String line = raw.strip();
            if (line.startsWith(FLAG + "=")) {
                return parseList(CniEnv.unquote(line.substring(FLAG.length() + 1).strip()));
            }
            if (line.startsWith(FLAG + " ")) {
                return parseList(CniEnv.unquote(line.substring(FLAG.length() + 1).strip()));
            }
        }
        return List.of();
    }

    private static Effective fromCniEnv(CniEnv env) {
        List<Inet.Cidr> cidrs = new ArrayList<>();
        CniEnv.Setting deciding = null;
        for (int family : new int[] {4, 6}) {
            if (!"true".equals(env.value("IPv" + family + "_SUPPORT"))) {
                continue;
            }
            CniEnv.Setting s = env.setting("IPv" + family + "_SERVICE_CIDR");
            Inet.Cidr c = s == null ? null : Inet.parseCidr(s.value());
            if (c == null || c.family() != family) {
                return null;
            }
            cidrs.add(c.network());
            if (deciding == null || deciding.fromDefault()) {
                deciding = s;
            }
        }
        if (cidrs.isEmpty()) {
            return null;
        }
        if (deciding.fromDefault()) {
            Part part = env.lastPart();
            return new Effective(cidrs, part, part.serviceArgsPointers().get(ServiceFile.CNI_ENV), "extraCNIEnv");
        }
        return new Effective(cidrs, deciding.part(), deciding.entry().pointer(), "extraCNIEnv " + deciding.entry().key());
    }

    /** Comma-separated CIDRs; entries that do not parse are left out (other rules judge them). */
    private static List<Inet.Cidr> parseList(String value) {
        List<Inet.Cidr> out = new ArrayList<>();
        for (String item : value.split(",", -1)) {
            Inet.Cidr c = Inet.parseCidr(item.strip());
            if (c != null) {
                out.add(c.network());
            }
        }
        return out;
    }
}
