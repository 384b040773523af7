package dev.launchc.rules;

import dev.launchc.catalog.CatalogHistory;
import dev.launchc.catalog.KubeFlags;
import dev.launchc.diag.Code;
import dev.launchc.diag.DidYouMean;
import dev.launchc.model.internal.ArgEntry;
import dev.launchc.model.internal.Part;
import dev.launchc.model.internal.ServiceFile;
import dev.launchc.resolve.KubeArgs;
import dev.launchc.rules.cluster.LabelTaintRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Flags in the five Kubernetes args files (kube-apiserver, kubelet, kube-proxy,
 * kube-controller-manager, kube-scheduler), checked against the flags of that component in the
 * target track's Kubernetes minor.
 *
 * <ul>
 *   <li>LC1003 (UNKNOWN_FLAG), at the key: not a flag of the component. {@code _} and {@code -}
 *       match as equal, {@code -v}/{@code -h} are shorthands. Flags that only the standalone
 *       upstream binaries register ({@code upstreamOnly}) are unknown to MicroK8s' kubelite.</li>
 *   <li>LC2005 (DEPRECATED_FLAG), at the key: deprecated as a flag ({@code flag-deprecated}). The
 *       kubelet's "set it in the config file" notice ({@code use-config-file}) covers nearly every
 *       kubelet flag and is not reported.</li>
 *   <li>LC1028 (BAD_FLAG_VALUE), at the value: a bool flag whose value Go's
 *       {@code strconv.ParseBool} rejects, after kubelite has deleted every quote; an
 *       {@code int}, {@code int32}, {@code uint}, {@code float} or {@code duration} flag whose value
 *       the flag library's parser for that type rejects ({@link GoFlagValues}).</li>
 * </ul>
 * A key whose value is null removes the line from the args file; nothing is passed to the
 * component, so removals are not checked. Keys that are not dash-prefixed single words are left
 * to ArgKeyRule and ValueSafetyRule.
 */
public final class KubeFlagRule implements Rule {
    private static final Set<String> GO_BOOLS = Set.of(
            "1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False");

    @Override
    public void check(RuleContext ctx) {
        KubeFlags kube = ctx.kube();
        if (kube == null) {
            return;
        }
        ctx.forEachKubeArg((part, component, e) -> {
            if (isFlagShaped(e.key())) {
                check(ctx, kube, part, component, e);
            }
        });
    }

    static boolean isFlagShaped(String key) {
        if (key.length() <= 1 || !key.startsWith("-")) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            if (Character.isWhitespace(key.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static void check(RuleContext ctx, KubeFlags kube, Part part, String component, ArgEntry e) {
        String key = e.key();
        KubeFlags.Flag flag = kube.flag(component, key);
        if (flag == null) {
            if (ctx.findingsFull()) {
                // The hint searches every flag of the component: for 200,000 unknown flags, most of the time.
                ctx.countDropped();
                return;
            }
            String removedIn = kube.flagRemovedIn(component, key);
            if (removedIn != null) {
                // Not a did-you-mean to an unrelated flag: the flag existed and is gone.
                ctx.atKey(Code.UNKNOWN_FLAG, part, e.pointer(), "unknown " + component + " flag " + key
                        + ": it was removed in Kubernetes " + removedIn + ctx.whenItRuns(component), "remove it; the " + component + " of Kubernetes "
                        + kube.minor() + " refuses to start with it");
                return;
            }
            String hint = unknownHint(kube, component, key);
            // A flag that a later or earlier Kubernetes has is no typo: only a did-you-mean is renamed.
            String rename = hint != null && hint.startsWith("did you mean ")
                    ? DidYouMean.unambiguous(key, knownFlags(kube, component)).orElse(null) : null;
            ctx.atKey(Code.UNKNOWN_FLAG, part, e.pointer(), "unknown " + component + " flag " + key + ctx.whenItRuns(component), hint,
                    rename == null ? null : part.source().renameKey(e.pointer(), rename));
            return;
        }
        if (flag.upstreamOnly()) {
            ctx.atKey(Code.UNKNOWN_FLAG, part, e.pointer(), "unknown " + component + " flag " + key
                    + ": only the standalone upstream " + component + " binary has it, MicroK8s' kubelite lacks it"
                    + ctx.whenItRuns(component),
                    "remove it; kubelite is built without the JSON log format that registers this flag");
            return;
        }
        if (flag.flagDeprecated()) {
            ctx.atKey(Code.DEPRECATED_FLAG, part, e.pointer(), component + " flag " + key + " is deprecated in Kubernetes "
                    + kube.minor() + " and will be removed in a later release",
                    "plan to drop it; the Kubernetes " + kube.minor() + " " + component
                            + " reference names its replacement");
        }
        String view = KubeArgs.kubeliteView(e.value());
        if (flag.isBool() && !isGoBool(view)) {
            ctx.atValue(Code.BAD_FLAG_VALUE, part, e.pointer(), component + " flag " + key
                    + " takes true or false, not '" + e.value() + "'" + ctx.whenItRuns(component, key, part), "write true or false");
        } else if (!flag.isBool() && !KubeArgs.expanded(view) && view.chars().noneMatch(Character::isWhitespace)
                && !OctalIntRule.readAsOctal(view)) {
            // '$' is expanded by kubelite; blanks and leading zeros are other rules' (ValueSafetyRule, LC1042).
            if ("kubelet".equals(component) && "--node-labels".equals(key)) {
                nodeLabels(ctx, part, e, view);
                return;
            }
            if ("kubelet".equals(component) && "--register-with-taints".equals(key)) {
                registerWithTaints(ctx, part, e, view);
                return;
            }
            KubeFlags.MapFlag map = kube.mapFlag(component, key);
            if (map != null) {
                mapItems(ctx, part, e, component, key, view, map);
                return;
            }
            KubeFlags.Choices choices = kube.choices(component, key);
            String problem = choices != null ? notAChoice(choices, view) : GoFlagValues.problem(flag.type(), view);
            if (choices != null && problem == null && choices.gatedValues().containsKey(view)) {
                String gate = choices.gatedValues().get(view);
                if (!gateOn(ctx, kube, component, gate)) {
                    ctx.atValue(Code.BAD_FLAG_VALUE, part, e.pointer(), component + " flag " + key + " takes " + view
                            + " only with the feature gate " + gate + ", which is off for " + component + " in Kubernetes "
                            + kube.minor() + (kube.gateDefault(gate, component) ? "" : " unless turned on") + ", so "
                            + component + " does not start" + ctx.whenItRuns(component, key, part),
                            "add " + gate + "=true to " + component + "'s --feature-gates, or write one of "
                                    + String.join(", ", choices.values().stream().filter(v -> !choices.gatedValues().containsKey(v)).toList()));
                }
                return;
            }
            if (choices != null && problem == null && choices.deprecatedValues().containsKey(view)) {
                String since = choices.deprecatedValues().get(view);
                ctx.atValue(Code.DEPRECATED_FLAG_VALUE, part, e.pointer(), component + " flag " + key + " " + view
                        + " is deprecated since Kubernetes " + since + " and may be removed in a later release; " + component
                        + " still takes it and logs so at start", "plan the move to " + String.join(" or ", choices.values().stream()
                                .filter(v -> !v.equals(view) && !choices.deprecatedValues().containsKey(v))
                                .sorted(java.util.Comparator.reverseOrder()).toList()));
                return;
            }
            if (choices != null && problem != null && unreadWithoutHttps(ctx, component, key)) {
                return;
            }
            if (choices != null && problem != null && choices.readOnlyWithGate() != null
                    && gateMayBeOff(ctx, kube, component, choices.readOnlyWithGate())) {
                return; // the component may never read the flag
            }
            if (choices != null && problem != null) {
                // A name that another minor takes (nftables before 1.29, kube-reserved-compressible
                // before 1.32) is no typo: say when it exists.
                String unknown = firstUnknown(choices, view);
                String history = unknown == null || unknown.isEmpty() ? null : CatalogHistory.kubeHistory(kube.minor(), k -> {
                    KubeFlags.Choices other = k.choices(component, key);
                    return other != null && other.values().contains(unknown);
                }, component + " " + key + " " + unknown);
                ctx.atValue(Code.BAD_FLAG_VALUE, part, e.pointer(), component + " flag " + key + " takes "
                        + (choices.list() ? "a comma-separated list of " : "one of ") + named(choices)
                        + ": " + problem + ", so " + component + " does not start" + ctx.whenItRuns(component, key, part),
                        history != null ? history + ", or write one of " + String.join(", ", choices.values()) : choiceHint(choices, view));
                return;
            }
            if (problem != null) {
                ctx.atValue(Code.BAD_FLAG_VALUE, part, e.pointer(), component + " flag " + key + " takes "
                        + GoFlagValues.noun(flag.type()) + ": " + problem + ", so " + component + " does not start"
                        + ctx.whenItRuns(component, key, part),
                        GoFlagValues.hint(flag.type(), problem));
            }
        }
    }

    /**
     * Whether {@code gate} is on for {@code component} once every part is applied: the last
     * {@code --feature-gates} of the component's args that names it (MicroK8s writes each part's
     * args over the file, so the last value of the flag is the one the component reads), else the
     * gate's default (the track's default args set no feature gates for the components this
     * serves). Any other kubelite component that turns it on counts too: kubelite runs them in one
     * process, whose feature gates they may share, and a finding must not be false.
     */
    private static boolean gateOn(RuleContext ctx, KubeFlags kube, String component, String gate) {
        KubeFlags.Gate known = kube.gate(gate);
        boolean on = kube.gateDefault(gate, component);
        if (known == null || known.locked()) {
            return on; // a locked gate set otherwise is FeatureGateRule's finding
        }
        java.util.Map<String, Boolean> lastSetting = new java.util.HashMap<>();
        ctx.forEachServiceArg((p, file, a) -> {
            String owner = file.kubeComponent();
            if (owner != null && KubeFlags.normalize(a.key()).equals("--feature-gates")) {
                Boolean setting = a.isRemoval() ? null : gateSetting(KubeArgs.kubeliteView(a.value()), gate);
                if (setting == null) {
                    lastSetting.remove(owner);
                } else {
                    lastSetting.put(owner, setting);
                }
            }
        });
        Boolean own = lastSetting.get(component);
        return (own != null ? own : on) || lastSetting.containsValue(Boolean.TRUE);
    }

    /**
     * Whether {@code gate} may be off for {@code component}: off by default, or set to false (or to
     * a value with a {@code $}, which kubelite expands) in any kubelite component's
     * --feature-gates, since kubelite's components share one process. The careful direction for a
     * flag the component reads only under the gate: a finding must not be false.
     */
    static boolean gateMayBeOff(RuleContext ctx, KubeFlags kube, String component, String gate) {
        if (!kube.gateDefault(gate, component)) {
            return true;
        }
        KubeFlags.Gate known = kube.gate(gate);
        if (known != null && known.locked()) {
            return false;
        }
        boolean[] maybeOff = {false};
        ctx.forEachServiceArg((p, file, a) -> {
            if (file.kubeComponent() != null && !a.isRemoval() && KubeFlags.normalize(a.key()).equals("--feature-gates")) {
                String value = KubeArgs.kubeliteView(a.value());
                maybeOff[0] |= Boolean.FALSE.equals(gateSetting(value, gate)) || KubeArgs.expanded(value);
            }
        });
        return maybeOff[0];
    }

    /** What a --feature-gates value sets {@code gate} to (its last item naming it), or null when it does not name it. */
    private static Boolean gateSetting(String value, String gate) {
        Boolean setting = null;
        for (String item : value.split(",", -1)) {
            int eq = item.indexOf('=');
            if (eq > 0 && item.substring(0, eq).strip().equals(gate) && isGoBool(item.substring(eq + 1).strip())) {
                setting = parseGoBool(item.substring(eq + 1).strip());
            }
        }
        return setting;
    }

    /**
     * A map-valued flag (component-base MapStringString or LangleSeparatedMapStringString,
     * cli/flag/map_string_string.go): its Set splits the value at ',', skips empty items and refuses
     * an item without the separator ("malformed pair, expect string=string"), so the flag does not
     * parse and the component exits. Only a value that parses reaches the component's own reading
     * of the keys and amounts (cmd/kubelet/app/server.go parseResourceList), so that comes second.
     */
    private static void mapItems(RuleContext ctx, Part part, ArgEntry e, String component, String key, String view,
            KubeFlags.MapFlag map) {
        String separator = map.separator();
        List<String> items = java.util.Arrays.stream(view.split(",", -1)).filter(item -> !item.isEmpty()).toList();
        for (String item : items) {
            if (!item.contains(separator)) {
                String other = separator.equals("<") ? "=" : ":";
                String fixed = item.contains(other) ? item.replaceFirst(java.util.regex.Pattern.quote(other), separator) : null;
                ctx.atValue(Code.BAD_FLAG_VALUE, part, e.pointer(), component + " flag " + key + " takes comma-separated"
                        + " KEY" + separator + "VALUE pairs: '" + GoFlagValues.shown(item) + "' has no '" + separator + "', so "
                        + component + " does not start (\"malformed pair, expect string" + separator + "string\")"
                        + ctx.whenItRuns(component, key, part),
                        fixed != null ? "write " + fixed : "write each item as KEY" + separator + "VALUE");
                return;
            }
        }
        if (map.keys().isEmpty()) {
            return;
        }
        for (String item : items) {
            int at = item.indexOf(separator);
            String name = item.substring(0, at).strip();
            if (!map.keys().contains(name)) {
                // cmd/kubelet/app/server.go parseResourceList: "cannot reserve %q resource"
                ctx.atValue(Code.BAD_FLAG_VALUE, part, e.pointer(), component + " flag " + key + " takes only "
                        + String.join(", ", map.keys()) + ": '" + GoFlagValues.shown(name) + "' is none of them, so "
                        + component + " does not start (cannot reserve \"" + GoFlagValues.shown(name) + "\" resource)"
                        + ctx.whenItRuns(component, key, part),
                        DidYouMean.closest(name, map.keys()).map(n -> "did you mean " + n + "?")
                                .orElse("write one of " + String.join(", ", map.keys())));
                return;
            }
            String quantity = item.substring(at + 1).strip();
            String problem = "quantity".equals(map.values()) ? quantityProblem(quantity) : null;
            if (problem != null) {
                ctx.atValue(Code.BAD_FLAG_VALUE, part, e.pointer(), component + " flag " + key + " gives " + name + " '"
                        + GoFlagValues.shown(quantity) + "', " + problem + ", so " + component + " does not start"
                        + ctx.whenItRuns(component, key, part), "write a quantity such as 500m (CPU), 1Gi (memory) or 1000 (pid)");
                return;
            }
        }
    }

    /**
     * Why a reserved amount certainly fails the kubelet's parseResourceList (cmd/kubelet/app/server.go),
     * or null: apimachinery's resource.ParseQuantity (pkg/api/resource/quantity.go) refuses an empty
     * value and any character outside digits, '.', a sign and the suffix letters "eEinumkKMGTP", and
     * parseResourceList a negative amount. Other malformed shapes ("1.G", "1ki") are left to the
     * kubelet: its parser is lenient in ways not worth copying, and a finding must not be false.
     */
    static String quantityProblem(String quantity) {
        if (quantity.isEmpty()) {
            return "an empty quantity";
        }
        for (int i = 0; i < quantity.length(); i++) {
            if ("0123456789.+-eEinumkKMGTP".indexOf(quantity.charAt(i)) < 0) {
                return "which is no quantity ('" + GoFlagValues.shown(String.valueOf(quantity.charAt(i))) + "' is no digit or unit)";
            }
        }
        if (quantity.charAt(0) == '-') {
            for (int i = 1; i < quantity.length() && "eEinumkKMGTP".indexOf(quantity.charAt(i)) < 0; i++) {
                if (quantity.charAt(i) >= '1' && quantity.charAt(i) <= '9') {
                    return "a negative amount";
                }
            }
        }
        return null;
    }

    /**
     * kubelet {@code --node-labels}: a map flag (component-base {@code MapStringString}: items split
     * at ',', key and value at the first '=', blanks trimmed), then ValidateKubeletFlags refuses a
     * label in the kubernetes.io or k8s.io namespaces that a kubelet may not set on itself, and the
     * labels' syntax is checked: either way kubelet exits.
     */
    private static void nodeLabels(RuleContext ctx, Part part, ArgEntry e, String view) {
        firstBadItem(ctx, part, e, view, "--node-labels", ", so kubelet does not start", item -> {
            int eq = item.indexOf('=');
            if (eq < 0) {
                return new LabelTaintRule.LabelProblem(" takes key=value pairs: '" + GoFlagValues.shown(item) + "' has no '='",
                        "write " + GoFlagValues.shown(item.strip()) + "=VALUE");
            }
            LabelTaintRule.LabelProblem problem = LabelTaintRule.selfLabelProblem(item.substring(0, eq).strip(),
                    item.substring(eq + 1).strip());
            return problem == null ? null : new LabelTaintRule.LabelProblem(": label " + problem.message(), problem.hint());
        });
    }

    /**
     * kubelet {@code --register-with-taints}: each comma-separated taint as kubelet parses it.
     * kubelet exits on a taint it cannot parse; one without an effect it parses, and the API server
     * refuses the node that carries it: either way the node never registers.
     */
    private static void registerWithTaints(RuleContext ctx, Part part, ArgEntry e, String view) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        firstBadItem(ctx, part, e, view, "--register-with-taints", ", so the node never registers", item -> {
            LabelTaintRule.LabelProblem problem = LabelTaintRule.selfTaintProblem(item, seen);
            return problem == null ? null : new LabelTaintRule.LabelProblem(": taint " + problem.message(), problem.hint());
        });
    }

    /**
     * One finding, for the first item of a comma-separated kubelet flag that {@code check} refuses
     * (its message follows "kubelet flag FLAG"); empty items are skipped.
     */
    private static void firstBadItem(RuleContext ctx, Part part, ArgEntry e, String view, String flag, String consequence,
            java.util.function.Function<String, LabelTaintRule.LabelProblem> check) {
        for (String item : view.split(",", -1)) {
            LabelTaintRule.LabelProblem problem = item.isEmpty() ? null : check.apply(item);
            if (problem != null) {
                ctx.atValue(Code.BAD_FLAG_VALUE, part, e.pointer(), "kubelet flag " + flag + problem.message() + consequence,
                        problem.hint());
                return;
            }
        }
    }

    /** Why a value is not one of the choices (each of a list, once), or null. */
    static String notAChoice(KubeFlags.Choices choices, String value) {
        if (value.isEmpty()) {
            return choices.emptyAllowed() ? null : "an empty value names none";
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String item : items(choices, value)) {
            if (!choices.values().contains(item)) {
                return "'" + GoFlagValues.shown(item) + "' is none of them";
            }
            if (!seen.add(item) && !choices.repeatsAllowed()) {
                return item + " is named twice";
            }
        }
        return null;
    }

    /**
     * Whether the flag is a TLS setting of kube-controller-manager or kube-scheduler that nothing
     * reads because the component serves no HTTPS: k8s.io/apiserver's SecureServingOptions.ApplyTo
     * returns before parsing --tls-cipher-suites and --tls-min-version when --secure-port is 0.
     */
    private static boolean unreadWithoutHttps(RuleContext ctx, String component, String key) {
        String flag = KubeFlags.normalize(key);
        if (!flag.equals("--tls-cipher-suites") && !flag.equals("--tls-min-version")) {
            return false;
        }
        ServiceFile file = switch (component) {
            case "kube-controller-manager" -> ServiceFile.KUBE_CONTROLLER_MANAGER;
            case "kube-scheduler" -> ServiceFile.KUBE_SCHEDULER;
            default -> null;
        };
        return file != null && !Http2CipherRule.servesHttps(ctx.resolved().kubeArgs(file));
    }

    /** The first item of a value that is none of the names (the value itself for a single name), or null. */
    private static String firstUnknown(KubeFlags.Choices choices, String value) {
        for (String item : items(choices, value)) {
            if (!choices.values().contains(item)) {
                return item;
            }
        }
        return null;
    }

    /** A value's items: split at ',' for a list flag, else the value itself. */
    private static String[] items(KubeFlags.Choices choices, String value) {
        return choices.list() ? value.split(",", -1) : new String[] {value};
    }

    /** Beyond this many unknown items a hint names no replacement for each: each costs a did-you-mean search. */
    private static final int MAX_ITEMS_RENAMED = 16;

    private static String choiceHint(KubeFlags.Choices choices, String value) {
        String[] items = items(choices, value);
        long unknown = java.util.Arrays.stream(items).filter(item -> !choices.values().contains(item)).count();
        if (unknown > MAX_ITEMS_RENAMED) {
            return "correct or remove the " + unknown + " items that are none of them; the names are matched exactly";
        }
        List<String> fixed = new ArrayList<>();
        boolean renamed = false;
        boolean repeated = false;
        for (String item : items) {
            String name = choices.values().contains(item) ? item : DidYouMean.closest(item, choices.values()).orElse(null);
            renamed |= name != null && !name.equals(item);
            if (name != null && !fixed.contains(name)) {
                fixed.add(name);
            } else if (name != null) {
                repeated = true;
            }
        }
        if (fixed.isEmpty()) {
            return choices.noun() != null ? "no " + choices.noun().replaceFirst("s$", "") + " is close to it; `launchc explain LC1028`"
                    + " lists them" : "write one of " + String.join(", ", choices.values());
        }
        return "write " + String.join(",", fixed) + (renamed ? " (names are matched exactly)" : repeated && !choices.repeatsAllowed() ? ", each once" : "");
    }

    /** The names in a message: each of them, or for a long list ({@code noun}) what they are. */
    private static String named(KubeFlags.Choices choices) {
        return choices.noun() != null ? choices.noun() : String.join(", ", choices.values());
    }

    /** Go's strconv.ParseBool for a value {@link #isGoBool} accepts without a variable. */
    static boolean parseGoBool(String value) {
        return value.equals("1") || value.equalsIgnoreCase("t") || value.equalsIgnoreCase("true");
    }

    static boolean isGoBool(String value) {
        return GO_BOOLS.contains(value) || value.contains("$");
    }

    private static String unknownHint(KubeFlags kube, String component, String key) {
        String history = CatalogHistory.kubeHistory(kube.minor(), k -> {
            KubeFlags.Flag f = k.flag(component, key);
            return f != null && !f.upstreamOnly();
        }, key);
        if (history != null) {
            return history;
        }
        return DidYouMean.hint(key, knownFlags(kube, component)).orElse(null);
    }

    /** The flags kubelite has for the component. */
    private static Set<String> knownFlags(KubeFlags kube, String component) {
        Set<String> names = new TreeSet<>();
        for (String n : kube.flagNames(component)) {
            KubeFlags.Flag f = kube.flag(component, n);
            if (f != null && !f.upstreamOnly()) {
                names.add(n);
            }
        }
        return names;
    }
}
