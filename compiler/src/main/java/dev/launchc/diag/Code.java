package dev.launchc.diag;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Every diagnostic launchc can emit, defined once. {@link Verdict} records how MicroK8s itself
 * treats the problem, which is what {@code --compat} needs to predict the install step. The long
 * explanation of each code lives in {@code explain/<CODE>.md} beside this class and is what
 * {@code launchc explain} prints and the reference docs are generated from.
 */
public enum Code {
    // Loading: the file as a whole.
    YAML_SYNTAX("LC0001", "YAML syntax error", Severity.ERROR, Verdict.REJECTED),
    DUPLICATE_KEY("LC0002", "duplicate key", Severity.ERROR, Verdict.IGNORED),
    INVALID_ENCODING("LC0003", "file is not valid UTF-8", Severity.ERROR, Verdict.REJECTED),
    BINARY_FILE("LC0004", "file holds NUL bytes or binary data", Severity.ERROR, Verdict.REJECTED),
    LIMIT_EXCEEDED("LC0005", "input exceeds a loader limit", Severity.ERROR, Verdict.ALWAYS_ERROR, Suppression.NEVER),
    TAB_INDENT("LC0006", "tab character in indentation", Severity.ERROR, Verdict.REJECTED),
    BAD_DOCUMENT_SEPARATOR("LC0007", "text after a document separator", Severity.ERROR, Verdict.REJECTED),
    EMPTY_PART("LC0008", "empty document is skipped", Severity.INFO, Verdict.IGNORED),
    UNKNOWN_KIND("LC0009", "neither a launch config nor a cluster file", Severity.ERROR, Verdict.REJECTED),
    CONTENT_DROPPED("LC0010", "content after a part's first root node, which MicroK8s drops", Severity.ERROR, Verdict.IGNORED),
    UNICODE_LINE_BREAK("LC0011", "Unicode line break that MicroK8s' YAML 1.1 parser reads and YAML 1.2 does not", Severity.ERROR,
            Verdict.ALWAYS_ERROR, Suppression.NEVER),

    // launchc's own comments and settings: MicroK8s never reads them.
    UNUSED_SUPPRESSION("LC0030", "suppression comment silences nothing", Severity.WARNING, Verdict.IGNORED),
    BAD_SUPPRESSION("LC0031", "suppression comment not valid", Severity.WARNING, Verdict.IGNORED),
    // Works on the target track; noted because an older track would read the file differently.
    VERSION_BELOW_KEYS("LC0032", "version 0.1.0 with keys that first shipped with the 0.2.0 parser", Severity.INFO, Verdict.IGNORED),

    // Structure and schema.
    TYPE_MISMATCH("LC1001", "value has the wrong type", Severity.ERROR, Verdict.REJECTED),
    UNKNOWN_KEY("LC1002", "unknown key", Severity.ERROR, Verdict.IGNORED),
    UNKNOWN_FLAG("LC1003", "unknown flag", Severity.ERROR, Verdict.IGNORED),
    UNKNOWN_FEATURE_GATE("LC1004", "unknown feature gate", Severity.ERROR, Verdict.IGNORED),
    BAD_VERSION("LC1005", "version missing or not semver", Severity.ERROR, Verdict.REJECTED),
    VERSION_OUT_OF_RANGE("LC1006", "version not supported by the target track", Severity.ERROR, Verdict.REJECTED),
    KEY_TOO_NEW_FOR_TRACK("LC1007", "key not known to the target track's parser", Severity.ERROR, Verdict.IGNORED),
    ARG_KEY_NOT_A_FLAG("LC1008", "argument key does not start with '-'", Severity.ERROR, Verdict.IGNORED),
    ENV_KEY_NOT_A_NAME("LC1009", "environment key is not a shell variable name", Severity.ERROR, Verdict.IGNORED),
    VALUE_HAS_LINE_BREAK("LC1010", "value holds a line break or NUL", Severity.ERROR, Verdict.IGNORED, Suppression.NEVER),
    VALUE_HAS_SPACE("LC1011", "value with a space in a kubelite args file", Severity.ERROR, Verdict.IGNORED, Suppression.NEVER),
    BAD_SAN("LC1012", "extraSANs entry is neither an IP address nor a DNS name", Severity.ERROR, Verdict.IGNORED),
    CNI_BAD_CIDR("LC1013", "extraCNIEnv holds an invalid CIDR", Severity.ERROR, Verdict.IGNORED),
    CNI_FAMILY_INCOMPLETE("LC1014", "IP family enabled without both of its CIDRs", Severity.ERROR, Verdict.IGNORED),
    CNI_NO_FAMILY("LC1015", "no IP family enabled", Severity.ERROR, Verdict.IGNORED),
    CNI_UNSUPPORTED("LC1016", "CNI other than calico in extraCNIEnv", Severity.ERROR, Verdict.IGNORED),
    CNI_BAD_BOOLEAN("LC1017", "extraCNIEnv boolean is not literally true or false", Severity.ERROR, Verdict.IGNORED),
    CLUSTER_DNS_OUTSIDE_SERVICES("LC1018", "--cluster-dns outside the service CIDR", Severity.ERROR, Verdict.IGNORED),
    BAD_REGISTRY_NAME("LC1019", "registry key is not host[:port] or _default", Severity.ERROR, Verdict.IGNORED),
    REGISTRY_PATH_TRAVERSAL("LC1020", "registry key escapes certs.d", Severity.ERROR, Verdict.REJECTED, Suppression.NEVER),
    BAD_HOSTS_TOML("LC1021", "hosts.toml is not valid TOML", Severity.ERROR, Verdict.IGNORED),
    BAD_CAPABILITY("LC1022", "capability outside pull, resolve, push", Severity.ERROR, Verdict.IGNORED),
    BAD_CONFIG_FILE_NAME("LC1023", "extraConfigFiles name is empty or escapes args/", Severity.ERROR, Verdict.ALWAYS_ERROR, Suppression.NEVER),
    BAD_JOIN_URL("LC1024", "join.url is not IP:port/token[/fingerprint]", Severity.ERROR, Verdict.IGNORED),
    SHORT_TOKEN("LC1025", "persistentClusterToken shorter than 32 characters", Severity.ERROR, Verdict.IGNORED),
    UNKNOWN_ADDON("LC1026", "addon unknown to the target track", Severity.ERROR, Verdict.IGNORED),
    ADDON_NOT_AVAILABLE("LC1027", "addon not available on the target track", Severity.ERROR, Verdict.IGNORED),
    BAD_FLAG_VALUE("LC1028", "flag value is not valid", Severity.ERROR, Verdict.IGNORED),
    VALUE_BREAKS_SHELL("LC1029", "value is shell syntax in a file that bash sources", Severity.ERROR, Verdict.IGNORED, Suppression.NEVER),
    REGISTRY_KEY_NOT_WRITABLE("LC1030", "registry key holds a backslash, which launchc writes in no file name", Severity.ERROR, Verdict.ALWAYS_ERROR, Suppression.NEVER),
    ADDON_ARGS_REJECTED("LC1040", "addon arguments the addon's script rejects", Severity.ERROR, Verdict.IGNORED),
    DNS_ADDON_IP_OUTSIDE_SERVICES("LC1041", "dns addon cluster IP outside the service CIDR", Severity.ERROR, Verdict.IGNORED),
    OCTAL_INTEGER("LC1042", "integer flag value with a leading zero, read as octal", Severity.ERROR, Verdict.IGNORED),
    REMOVED_ADMISSION_PLUGIN("LC1044", "admission plugin removed in the track's Kubernetes minor", Severity.ERROR, Verdict.IGNORED),
    ADDONS_CONFLICT("LC1045", "addons that exclude each other on the track", Severity.ERROR, Verdict.IGNORED),
    UNKNOWN_ADMISSION_PLUGIN("LC1046", "admission plugin the track's Kubernetes minor does not have", Severity.ERROR, Verdict.IGNORED),
    QUOTE_CHANGES_VALUE("LC1043", "quote or backslash that the args file's reader removes", Severity.ERROR, Verdict.IGNORED),

    // Likely mistakes.
    DEPRECATED_ADDON_ALIAS("LC2001", "deprecated addon alias", Severity.WARNING, Verdict.IGNORED),
    SERVICE_IP_NOT_IN_SANS("LC2002", "changed service CIDR without its first address in extraSANs", Severity.WARNING, Verdict.IGNORED),
    JOIN_OVERWRITES_KUBELET_ARGS("LC2003", "join in the same part as kubelet args", Severity.WARNING, Verdict.IGNORED),
    HOSTS_TOML_WITHOUT_HOST("LC2004", "hosts.toml without a [host.\"…\"] table", Severity.WARNING, Verdict.IGNORED),
    DEPRECATED_FLAG("LC2005", "deprecated flag", Severity.WARNING, Verdict.IGNORED),
    DEPRECATED_FLAG_VALUE("LC2013", "deprecated flag value", Severity.WARNING, Verdict.IGNORED),
    DUPLICATE_SAN("LC2010", "extraSANs entry listed twice", Severity.WARNING, Verdict.IGNORED),
    TRACK_DEFAULT_DROPPED("LC2012", "flag replaces items the track's default sets on purpose", Severity.WARNING, Verdict.IGNORED),
    DUPLICATE_ADDON("LC2011", "addon enabled or disabled twice", Severity.WARNING, Verdict.IGNORED),

    // Cluster files (launchc's own format: MicroK8s never sees them, so --compat keeps them as they are).
    UNKNOWN_TRACK("LC3001", "track unknown to the catalog", Severity.ERROR, Verdict.ALWAYS_ERROR),
    DUPLICATE_NODE_NAME("LC3002", "two nodes with one name", Severity.ERROR, Verdict.ALWAYS_ERROR),
    DUPLICATE_NODE_ADDRESS("LC3003", "two nodes with one address", Severity.ERROR, Verdict.ALWAYS_ERROR),
    NODE_ADDRESS_IN_CLUSTER_CIDR("LC3004", "node address inside a pod or service CIDR", Severity.ERROR, Verdict.ALWAYS_ERROR),
    OVERLAPPING_CIDRS("LC3005", "pod and service CIDRs overlap", Severity.ERROR, Verdict.ALWAYS_ERROR),
    NO_CONTROL_PLANE("LC3006", "no control-plane node", Severity.ERROR, Verdict.ALWAYS_ERROR),
    CONTROL_PLANE_COUNT("LC3007", "control-plane count without a quorum advantage", Severity.WARNING, Verdict.IGNORED),
    HIGH_AVAILABILITY("LC3008", "high availability", Severity.INFO, Verdict.IGNORED),
    GPU_ON_UNSUPPORTED_ARCH("LC3009", "GPU setting on a node whose architecture the GPU addon does not support", Severity.ERROR, Verdict.ALWAYS_ERROR),
    BAD_MIG_CONFIG("LC3010", "MIG config not valid for the GPU model in this operator version", Severity.ERROR, Verdict.ALWAYS_ERROR),
    UNKNOWN_GPU_MODEL("LC3011", "GPU model unknown to the operator version", Severity.ERROR, Verdict.ALWAYS_ERROR),
    UNKNOWN_GPU_OPERATOR("LC3012", "GPU Operator version not in the catalog", Severity.ERROR, Verdict.ALWAYS_ERROR),
    ADDON_NEEDS_INTERNET("LC3013", "addon needs the internet in an air-gapped cluster", Severity.ERROR, Verdict.ALWAYS_ERROR),
    ADDON_CONFLICT("LC3014", "addons that exclude each other", Severity.ERROR, Verdict.ALWAYS_ERROR),
    BAD_ADDON_ARGS("LC3015", "addon arguments not valid", Severity.ERROR, Verdict.ALWAYS_ERROR),
    ADDON_PROMPTS("LC3016", "addon prompts for input and needs its arguments", Severity.ERROR, Verdict.ALWAYS_ERROR),
    MISSING_JOIN_TOKEN("LC3017", "joining nodes but no token source", Severity.ERROR, Verdict.ALWAYS_ERROR),
    BAD_NODE_ADDRESS("LC3018", "node address is not an IP address", Severity.ERROR, Verdict.ALWAYS_ERROR),
    BAD_NETWORK_CIDR("LC3019", "network CIDR not valid", Severity.ERROR, Verdict.ALWAYS_ERROR),
    BAD_MIRROR_ENDPOINT("LC3020", "registry mirror endpoint is not an http(s) URL", Severity.ERROR, Verdict.ALWAYS_ERROR),
    BAD_LABEL("LC3021", "node label not valid in Kubernetes", Severity.ERROR, Verdict.ALWAYS_ERROR),
    BAD_TAINT("LC3022", "node taint not valid in Kubernetes", Severity.ERROR, Verdict.ALWAYS_ERROR),
    GPU_WITHOUT_ADDON("LC3023", "GPU nodes without the GPU addon", Severity.WARNING, Verdict.IGNORED),
    BAD_NODE_NAME("LC3024", "node name is not a DNS-1123 label", Severity.ERROR, Verdict.ALWAYS_ERROR),
    ADDON_NEEDS_INTERNET_WORKAROUND("LC3025", "addon needs the internet in an air-gapped cluster unless a workaround is prepared", Severity.WARNING, Verdict.IGNORED),
    IMAGES_UNKNOWN("LC3026", "image list of an addon not known offline in an air-gapped cluster", Severity.WARNING, Verdict.IGNORED),
    MIRROR_ENDPOINT_REPEATED("LC3027", "registry mirror endpoint listed twice", Severity.WARNING, Verdict.IGNORED),
    NETWORK_NOT_APPLICABLE("LC3028", "network setting the target track cannot apply", Severity.ERROR, Verdict.IGNORED),
    SERVICE_RANGE_SET_TWICE("LC3029", "service range in services.kubeApiServer disagrees with spec.network", Severity.ERROR, Verdict.IGNORED),
    BAD_DNS_UPSTREAM("LC3035", "spec.network.dns.upstream entry is not a nameserver IP address", Severity.ERROR, Verdict.IGNORED),
    UNUSED_REGISTRY_HOST("LC3036", "registries.hosts entry that no mirror endpoint or air-gap registry uses", Severity.WARNING, Verdict.IGNORED),
    WINDOWS_RESERVED_NODE_NAME("LC3045", "node name is a device name on Windows", Severity.WARNING, Verdict.IGNORED),
    ADDON_NOT_UNDER_STRICT("LC3050", "addon not offered by strictly confined MicroK8s on the track", Severity.ERROR, Verdict.IGNORED),
    SNAP_ASSERTION_MISMATCH("LC3051", "snap file does not match its snap-revision assertion", Severity.ERROR, Verdict.ALWAYS_ERROR),
    SNAP_SET_INCOMPLETE("LC3052", "snaps folder incomplete, ambiguous or holding unrelated files", Severity.ERROR, Verdict.ALWAYS_ERROR),
    SNAP_WRONG_TRACK("LC3053", "microk8s snap is not from the cluster's track", Severity.ERROR, Verdict.ALWAYS_ERROR),
    BUNDLE_NOT_INTACT("LC3054", "air-gap bundle damaged, changed or unsafe to unpack", Severity.ERROR, Verdict.ALWAYS_ERROR),
    HOST_PATH_NOT_UNDER_STRICT("LC3055", "host file the strictly confined MicroK8s cannot read", Severity.ERROR, Verdict.IGNORED);

    /** How MicroK8s itself reacts to the problem. */
    public enum Verdict {
        /** MicroK8s refuses the file: the install step fails. An error in every mode. */
        REJECTED,
        /** MicroK8s accepts the file; the problem shows later or silently does nothing. */
        IGNORED,
        /**
         * Dangerous enough (path traversal, resource exhaustion) to be an error in every mode, or a
         * file launchc cannot read as MicroK8s does (so no verdict of its own would be trustworthy).
         */
        ALWAYS_ERROR
    }

    /** Whether a finding may be silenced (inline comment, --disable, .launchc.yaml). */
    public enum Suppression {
        ALLOWED,
        /** A refusal that protects the node or the user's files (path traversal, injection, resource exhaustion). */
        NEVER
    }

    private final String id;
    private final String title;
    private final Severity defaultSeverity;
    private final Verdict verdict;
    private final Suppression suppression;

    Code(String id, String title, Severity defaultSeverity, Verdict verdict) {
        this(id, title, defaultSeverity, verdict, Suppression.ALLOWED);
    }

    Code(String id, String title, Severity defaultSeverity, Verdict verdict, Suppression suppression) {
        this.id = id;
        this.title = title;
        this.defaultSeverity = defaultSeverity;
        this.verdict = verdict;
        this.suppression = suppression;
    }

    /** False for the refusals that protect the node or the user's files: no comment or setting silences them. */
    public boolean suppressible() {
        return suppression == Suppression.ALLOWED;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    public Verdict verdict() {
        return verdict;
    }

    /** The severity this code carries under a mode. Strictness is applied at the exit code, not here. */
    public Severity severityIn(Mode mode) {
        if (verdict != Verdict.IGNORED) {
            return Severity.ERROR;
        }
        if (mode == Mode.COMPAT && defaultSeverity == Severity.ERROR) {
            return Severity.WARNING;
        }
        return defaultSeverity;
    }

    /** Where the explanation of a code is published: SARIF's helpUri and the editor's link. */
    public static String helpUri(String id) {
        return "https://launchc.dev/docs/codes#" + id;
    }

    public static Optional<Code> byId(String id) {
        for (Code c : values()) {
            if (c.id.equalsIgnoreCase(id)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The long explanation, in Markdown. */
    public String explanation() {
        try (InputStream in = Code.class.getResourceAsStream("explain/" + id + ".md")) {
            if (in == null) {
                return title + "\n";
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return title + "\n";
        }
    }
}
