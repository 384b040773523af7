package dev.launchc.rules.cluster;

import static dev.launchc.rules.cluster.ClusterFacts.printable;

import dev.launchc.diag.Code;
import dev.launchc.model.internal.ArgEntry;
import dev.launchc.model.internal.Cluster;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Node labels and taints, which compile writes into kubelet {@code --node-labels} and
 * {@code --register-with-taints}. kubelet validates both flags at start and exits on a bad entry,
 * so the node never registers.
 * <ul>
 *   <li>LC3021 (BAD_LABEL): a key that is not a Kubernetes qualified name (optional DNS-1123
 *       subdomain prefix of at most 253 characters, '/', a name of at most 63 characters matching
 *       {@code [A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?}); a value longer than 63 characters or
 *       outside that charset (empty is fine); a ',' or '=' in either, which would split the
 *       comma-separated flag; and a key in the {@code kubernetes.io}/{@code k8s.io} namespaces
 *       that kubelet may not set on itself. kubelet's own check ({@code ValidateKubeletFlags},
 *       {@code k8s.io/kubelet/pkg/apis.IsKubeletLabel}) allows only the {@code kubelet.kubernetes.io}
 *       and {@code node.kubernetes.io} namespaces (and their subdomains) and a fixed set of
 *       well-known labels ({@code kubernetes.io/hostname}, {@code topology.kubernetes.io/zone}, …).
 *       In particular {@code node-role.kubernetes.io/*} and {@code node-restriction.kubernetes.io/*}
 *       are refused: set them with kubectl after the node joins.</li>
 *   <li>LC3022 (BAD_TAINT): a taint key that is not a qualified name, a value that is not a valid
 *       label value, or a second taint with the same key and effect (kubelet refuses duplicates).
 *       The effect is an enum of the schema.</li>
 * </ul>
 */
public final class LabelTaintRule implements ClusterRule {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
    private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    /** Label namespaces kubelet may self-set, with their subdomains. */
    private static final Set<String> KUBELET_NAMESPACES = Set.of("kubelet.kubernetes.io", "node.kubernetes.io");

    /** Labels in kubernetes.io namespaces that kubelet may self-set (k8s.io/kubelet/pkg/apis). */
    private static final Set<String> KUBELET_LABELS = Set.of(
            "kubernetes.io/hostname", "kubernetes.io/os", "kubernetes.io/arch",
            "beta.kubernetes.io/os", "beta.kubernetes.io/arch", "beta.kubernetes.io/instance-type",
            "node.kubernetes.io/instance-type",
            "failure-domain.beta.kubernetes.io/zone", "failure-domain.beta.kubernetes.io/region",
            "topology.kubernetes.io/zone", "topology.kubernetes.io/region");

    @Override
    public void check(ClusterRuleContext ctx) {
        for (Cluster.Node node : ctx.cluster().nodes()) {
            String name = printable(node.name().text());
            for (ArgEntry label : node.labels()) {
                label(ctx, name, label);
            }
            Set<String> seen = new HashSet<>();
            for (Cluster.Taint t : node.taints()) {
                taint(ctx, name, t, seen);
            }
        }
    }

    private static void label(ClusterRuleContext ctx, String node, ArgEntry label) {
        String key = label.key();
        String why = ": compile puts it into kubelet --node-labels, and kubelet refuses to start with it, so node "
                + node + " never registers";
        String problem = keyProblem(key);
        if (problem != null) {
            ctx.atKey(Code.BAD_LABEL, label.pointer(), "label key '" + printable(key) + "' of node " + node + " " + problem
                    + why, keyHint(key, problem));
            return;
        }
        String ns = namespace(key);
        if (ns != null && isKubernetesNamespace(ns) && !isKubeletLabel(key, ns)) {
            String hint = ns.equals("node-role.kubernetes.io")
                    ? "drop it here and label the node after it joins: microk8s kubectl label node " + node + " " + key + "="
                            + (label.value() == null ? "" : printable(label.value()))
                    : "use a prefix of your own (e.g. example.com/" + key.substring(key.indexOf('/') + 1)
                            + ") or node.kubernetes.io/, or set it with kubectl after the node joins";
            ctx.atKey(Code.BAD_LABEL, label.pointer(), "label " + printable(key) + " of node " + node + " is in the "
                    + ns + " namespace, which kubelet may not set on its own node (only kubelet.kubernetes.io,"
                    + " node.kubernetes.io and a few well-known labels)" + why, hint);
            return;
        }
        String value = label.value() == null ? "" : label.value();
        String vp = valueProblem(value);
        if (vp != null) {
            ctx.atValue(Code.BAD_LABEL, label.pointer(), "value '" + printable(value) + "' of label " + printable(key)
                    + " on node " + node + " " + vp + why, valueHint(value, vp));
        }
    }

    /** What is wrong with a label kubelet is to set on its own node, and what to do instead. */
    public record LabelProblem(String message, String hint) {}

    /**
     * Why kubelet refuses {@code key=value} in its {@code --node-labels} (ValidateKubeletFlags'
     * namespace check, and the label syntax), or null. The message completes "label ...": it names
     * the key or value and what is wrong.
     */
    public static LabelProblem selfLabelProblem(String key, String value) {
        String problem = keyProblem(key);
        if (problem != null) {
            return new LabelProblem("key '" + printable(key) + "' " + problem, keyHint(key, problem));
        }
        String ns = namespace(key);
        if (ns != null && isKubernetesNamespace(ns) && !isKubeletLabel(key, ns)) {
            return new LabelProblem(printable(key) + " is in the " + ns + " namespace, which kubelet may not set on its own"
                    + " node (only kubelet.kubernetes.io, node.kubernetes.io and a few well-known labels)",
                    ns.equals("node-role.kubernetes.io")
                            ? "drop it here and label the node after it joins: microk8s kubectl label node NODE " + key + "="
                                    + printable(value)
                            : "use a prefix of your own (e.g. example.com/" + key.substring(key.indexOf('/') + 1)
                                    + ") or node.kubernetes.io/, or set it with kubectl after the node joins");
        }
        String vp = valueProblem(value);
        return vp == null ? null : new LabelProblem("value '" + printable(value) + "' of " + printable(key) + " " + vp,
                valueHint(value, vp));
    }

    private static final Set<String> TAINT_EFFECTS = Set.of("NoSchedule", "PreferNoSchedule", "NoExecute");

    /**
     * Why kubelet refuses one item of its {@code --register-with-taints}, or null. kubernetes
     * pkg/util/taints/taints.go, parseTaint: {@code key=value:Effect} or {@code key:Effect}, the key
     * a qualified name, the value a label value, the effect NoSchedule, PreferNoSchedule or
     * NoExecute; a bare {@code key} parses with no effect, which the API server's node validation
     * then refuses. {@code seen} holds the key and effect of the items before it: kubelet refuses a
     * second taint of both.
     */
    public static LabelProblem selfTaintProblem(String item, Set<String> seen) {
        int colon = item.lastIndexOf(':');
        if (colon < 0) {
            return new LabelProblem("'" + printable(item) + "' has no ':Effect'", "write " + printable(item) + ":NoSchedule (or PreferNoSchedule, NoExecute)");
        }
        String effect = item.substring(colon + 1);
        String keyValue = item.substring(0, colon);
        int eq = keyValue.indexOf('=');
        String key = eq < 0 ? keyValue : keyValue.substring(0, eq);
        if (!TAINT_EFFECTS.contains(effect)) {
            return new LabelProblem("'" + printable(item) + "' has the effect '" + printable(effect) + "', not NoSchedule,"
                    + " PreferNoSchedule or NoExecute", "write " + printable(keyValue) + ":NoSchedule (or PreferNoSchedule, NoExecute)");
        }
        String problem = keyProblem(key);
        if (problem != null) {
            return new LabelProblem("key '" + printable(key) + "' " + problem, keyHint(key, problem));
        }
        if (eq >= 0) {
            String value = keyValue.substring(eq + 1);
            String vp = valueProblem(value);
            if (vp != null) {
                return new LabelProblem("value '" + printable(value) + "' of " + printable(key) + " " + vp, valueHint(value, vp));
            }
        }
        if (!seen.add(key + ":" + effect)) {
            return new LabelProblem("'" + printable(item) + "' repeats the key " + printable(key) + " with effect " + effect
                    + " (kubelet refuses duplicated taints of one key and effect)", "keep one of them");
        }
        return null;
    }

    private static void taint(ClusterRuleContext ctx, String node, Cluster.Taint t, Set<String> seen) {
        String key = t.key() == null ? "" : t.key();
        String why = ": compile puts it into kubelet --register-with-taints, and kubelet refuses to start with it, so node "
                + node + " never registers";
        String problem = keyProblem(key);
        if (problem != null) {
            ctx.atValue(Code.BAD_TAINT, t.pointer() + "/key", "taint key '" + printable(key) + "' of node " + node + " "
                    + problem + why, keyHint(key, problem));
            return;
        }
        if (t.value() != null) {
            String vp = valueProblem(t.value());
            if (vp != null) {
                ctx.atValue(Code.BAD_TAINT, t.pointer() + "/value", "value '" + printable(t.value()) + "' of taint "
                        + printable(key) + " on node " + node + " " + vp + why, valueHint(t.value(), vp));
                return;
            }
        }
        if (t.effect() != null && !seen.add(key + ":" + t.effect())) {
            ctx.atValue(Code.BAD_TAINT, t.pointer() + "/key", "node " + node + " has two taints " + key + " with effect "
                    + t.effect() + ": kubelet refuses --register-with-taints with duplicated taints of one key and"
                    + " effect, so node " + node + " never registers", "keep one of them");
        }
    }

    /** Why {@code key} is not a Kubernetes qualified name, or null. */
    static String keyProblem(String key) {
        if (key.isEmpty()) {
            return "is empty";
        }
        String sep = separatorProblem(key);
        if (sep != null) {
            return sep;
        }
        int slash = key.indexOf('/');
        if (slash >= 0 && key.indexOf('/', slash + 1) >= 0) {
            return "has more than one '/'";
        }
        String name = slash < 0 ? key : key.substring(slash + 1);
        if (slash >= 0) {
            String prefix = key.substring(0, slash);
            if (prefix.isEmpty()) {
                return "has an empty prefix before '/'";
            }
            if (prefix.length() > 253) {
                return "has a prefix of " + prefix.length() + " characters (at most 253)";
            }
            if (!SUBDOMAIN.matcher(prefix).matches()) {
                return "has a prefix '" + printable(prefix) + "' that is not a lower-case DNS subdomain";
            }
        }
        if (name.isEmpty()) {
            return "has an empty name after '/'";
        }
        if (name.length() > 63) {
            return "has a name of " + name.length() + " characters (at most 63)";
        }
        if (!NAME.matcher(name).matches()) {
            return "has a name that is not letters, digits, '-', '_' and '.' starting and ending with a letter or digit";
        }
        return null;
    }

    /** Why {@code value} is not a Kubernetes label value, or null. */
    static String valueProblem(String value) {
        if (value.isEmpty()) {
            return null;
        }
        String sep = separatorProblem(value);
        if (sep != null) {
            return sep;
        }
        if (value.length() > 63) {
            return "is " + value.length() + " characters long (at most 63)";
        }
        if (!NAME.matcher(value).matches()) {
            return "is not letters, digits, '-', '_' and '.' starting and ending with a letter or digit";
        }
        return null;
    }

    /** ',' and '=' (and ':' in taints) split the kubelet flag itself. */
    private static String separatorProblem(String s) {
        if (s.indexOf(',') >= 0) {
            return "holds ',', which splits the comma-separated kubelet flag into two entries";
        }
        if (s.indexOf('=') >= 0) {
            return "holds '=', which separates key and value in the kubelet flag";
        }
        return null;
    }

    private static String keyHint(String key, String problem) {
        if (problem.startsWith("holds")) {
            return "remove the ',' and '=': give each label its own key";
        }
        if (problem.startsWith("has a prefix") && SUBDOMAIN.matcher(namespace(key).toLowerCase(java.util.Locale.ROOT)).matches()) {
            return "write the prefix in lower case: " + key.substring(0, key.indexOf('/')).toLowerCase(java.util.Locale.ROOT)
                    + key.substring(key.indexOf('/'));
        }
        int slash = key.indexOf('/');
        if (slash >= 0 && key.indexOf('/', slash + 1) < 0 || slash < 0) {
            String prefix = slash < 0 ? "" : key.substring(0, slash + 1);
            String name = slash < 0 ? key : key.substring(slash + 1);
            String cleaned = clean(name);
            if (!cleaned.isEmpty() && keyProblem(prefix + cleaned) == null) {
                return "use e.g. " + prefix + cleaned;
            }
        }
        return "use a name such as example.com/team: letters, digits, '-', '_', '.', an optional DNS prefix and one '/'";
    }

    private static String valueHint(String value, String problem) {
        if (problem.startsWith("holds")) {
            return "use one value without ',' or '='; put several facts into several labels";
        }
        String cleaned = clean(value);
        return !cleaned.isEmpty() && valueProblem(cleaned) == null ? "use e.g. " + cleaned
                : "use at most 63 letters, digits, '-', '_' or '.', or an empty value";
    }

    /** Text reduced to the label charset: runs of other characters become '-', ends trimmed, at most 63. */
    private static String clean(String text) {
        String cleaned = text.replaceAll("[^-A-Za-z0-9_.]+", "-").replaceAll("^[-_.]+", "").replaceAll("[-_.]+$", "");
        if (cleaned.length() > 63) {
            cleaned = cleaned.substring(0, 63).replaceAll("[-_.]+$", "");
        }
        return cleaned;
    }

    private static String namespace(String key) {
        int slash = key.indexOf('/');
        return slash < 0 ? null : key.substring(0, slash);
    }

    private static boolean isKubernetesNamespace(String ns) {
        return ns.equals("kubernetes.io") || ns.endsWith(".kubernetes.io") || ns.equals("k8s.io") || ns.endsWith(".k8s.io");
    }

    private static boolean isKubeletLabel(String key, String ns) {
        if (KUBELET_LABELS.contains(key)) {
            return true;
        }
        for (String allowed : KUBELET_NAMESPACES) {
            if (ns.equals(allowed) || ns.endsWith("." + allowed)) {
                return true;
            }
        }
        return false;
    }
}
