package dev.launchc.rules.cluster;

import static dev.launchc.rules.cluster.ClusterFacts.printable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.launchc.catalog.Catalog;
import dev.launchc.catalog.Track;
import dev.launchc.diag.Code;
import dev.launchc.diag.DidYouMean;
import dev.launchc.load.Pointers;
import dev.launchc.model.internal.AddonRequest;
import dev.launchc.model.internal.Cluster;
import dev.launchc.net.Inet;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The addons of a cluster file against the cross-track addon facts (addons-extra.json). Names
 * unknown to the track, unavailable ones and deprecated aliases are not checked here: compile
 * lints every node's seed with the native rules (LC1026, LC1027, LC2001).
 * <ul>
 *   <li>LC3014 (ADDON_CONFLICT): an addon that replaces Calico (facts {@code cni.replaces}) while
 *       {@code spec.network.cni} is calico or the other primary CNI; two addons that the facts
 *       list as {@code conflicts}; an addon whose required or unconditionally enabled dependency
 *       {@code spec.addons} disables.</li>
 *   <li>LC3015 (BAD_ADDON_ARGS): arguments that the facts' {@code args} spec for the track and
 *       action rejects: an unknown option when the spec is {@code complete}, a missing value, a
 *       value outside {@code values} or not matching {@code pattern} (registry {@code --size}),
 *       a missing {@code required} option (kube-ovn {@code --force}), an old and a new option name
 *       together, too many positional arguments, a wrong literal, and value checks by
 *       {@code meta}: MetalLB ranges ({@code A-B|CIDR[,...]}), IP addresses ({@code IP},
 *       {@code A.B.C.D}), nameservers ({@code IP[,IP...] | /etc/resolv.conf}); also arguments to
 *       an addon that takes none, and to an alias that does not forward them.</li>
 *   <li>LC3016 (ADDON_PROMPTS): an addon whose facts {@code prompts} for the action fire because no
 *       positional argument is given (metallb enable, hostpath-storage disable).</li>
 *   <li>LC3013 (ADDON_NEEDS_INTERNET) and LC3025 (ADDON_NEEDS_INTERNET_WORKAROUND, warning): with
 *       {@code spec.airgap}, an enabled addon whose facts {@code network} entry for the track says
 *       {@code needsInternet}; LC3025 when the facts list an available workaround. Addons the file
 *       implies count too: {@code spec.network.cni} kube-ovn/cilium and {@code spec.gpu} (the
 *       track's GPU addon). Addons the facts do not classify are not reported.</li>
 * </ul>
 */
public final class AddonRule implements ClusterRule {
    private static final String CALICO = "calico";

    /** One addon the cluster enables or disables, as written or implied by another field. */
    record Use(String repo, String name, String canonical, boolean disable, List<Arg> args, String pointer,
            boolean implied, boolean colonForm) {}

    /** One argument with the pointer of the value it came from. */
    record Arg(String text, String pointer) {}

    @Override
    public void check(ClusterRuleContext ctx) {
        List<Use> uses = uses(ctx);
        conflicts(ctx, uses);
        for (Use u : uses) {
            if (!u.implied()) {
                args(ctx, u);
            }
        }
        if (ctx.cluster().airgap() != null) {
            for (Use u : uses) {
                if (!u.disable()) {
                    internet(ctx, u);
                }
            }
        }
    }

    private static List<Use> uses(ClusterRuleContext ctx) {
        Cluster cluster = ctx.cluster();
        Track track = ctx.track();
        List<Use> out = new ArrayList<>();
        for (AddonRequest a : cluster.addons()) {
            ClusterFacts.AddonName an = ClusterFacts.AddonName.parse(a.name());
            if (an.name().isEmpty()) {
                continue;
            }
            List<Arg> args = new ArrayList<>();
            String namePointer = a.pointer() + "/name";
            an.colonArgs().forEach(c -> args.add(new Arg(c, namePointer)));
            for (int i = 0; i < a.args().size(); i++) {
                args.add(new Arg(a.args().get(i), Pointers.child(a.pointer() + "/args", i)));
            }
            out.add(new Use(an.repo(), an.name(), canonical(an.name(), track), a.disable(), args, namePointer, false,
                    !an.colonArgs().isEmpty()));
        }
        String cni = cluster.network() == null ? CALICO : cluster.network().cni();
        if (("kube-ovn".equals(cni) || "cilium".equals(cni)) && !listed(out, cni)) {
            out.add(new Use(null, cni, cni, false, List.of(), "/spec/network/cni", true, false));
        }
        String gpu = ClusterFacts.gpuAddon(track);
        if (cluster.gpu() != null && gpu != null && !listed(out, canonical(gpu, track))) {
            out.add(new Use(null, gpu, canonical(gpu, track), false, List.of(), "/spec/gpu", true, false));
        }
        return out;
    }

    private static boolean listed(List<Use> uses, String canonical) {
        return uses.stream().anyMatch(u -> !u.disable() && u.canonical().equals(canonical));
    }

    /** The addon a name enables on the track: the alias target when the facts say so for the track. */
    private static String canonical(String name, Track track) {
        JsonNode alias = ClusterFacts.addonFacts(name).path("aliasOf");
        if (!alias.isMissingNode() && Catalog.inRange(track.name(), alias)) {
            return alias.path("addon").asText(name);
        }
        return name;
    }

    private static String fullName(JsonNode facts, String name) {
        String repo = facts.path("repository").asText("");
        return repo.isEmpty() ? name : repo + "/" + name;
    }

    // ---- LC3014 ----

    private static void conflicts(ClusterRuleContext ctx, List<Use> uses) {
        Cluster.Network net = ctx.cluster().network();
        String cni = net == null ? CALICO : net.cni();
        boolean cniWritten = ClusterFacts.written(ctx, "/spec/network/cni");
        List<Use> enabled = uses.stream().filter(u -> !u.disable()).toList();
        for (Use u : enabled) {
            if (u.implied()) {
                continue;
            }
            JsonNode facts = ClusterFacts.addonFacts(u.canonical());
            if (!CALICO.equals(facts.path("cni").path("replaces").asText(null)) || u.canonical().equals(cni)
                    || "none".equals(cni)) {
                continue;
            }
            if (CALICO.equals(cni)) {
                ctx.atValue(Code.ADDON_CONFLICT, u.pointer(), "addon " + u.name() + " replaces Calico, but"
                        + " spec.network.cni is calico" + (cniWritten ? "" : " (the default)") + ": compile configures"
                        + " Calico as the pod network while " + u.name() + " removes it, so the nodes end up with a pod"
                        + " network that launchc did not configure",
                        "set spec.network.cni: " + u.canonical() + " and drop the addon from spec.addons");
            } else {
                ctx.atValue(Code.ADDON_CONFLICT, u.pointer(), "addon " + u.name() + " replaces the pod network, but"
                        + " spec.network.cni is " + cni + ", which replaces it too: two primary CNIs fight over every"
                        + " pod's interface", "keep one: remove " + u.name() + " from spec.addons or change spec.network.cni");
            }
        }
        // Each addon against the earlier ones it names as a conflict, found by name: comparing every
        // pair took time quadratic in the list (20,000 addons: 15 s).
        Map<String, Use> firstByFullName = new HashMap<>();
        Map<Use, Integer> index = new IdentityHashMap<>();
        for (int j = 0; j < enabled.size(); j++) {
            Use b = enabled.get(j);
            if (b.implied()) {
                continue; // reported against spec.network.cni above
            }
            JsonNode bf = ClusterFacts.addonFacts(b.canonical());
            List<Map.Entry<Use, JsonNode>> found = new ArrayList<>();
            for (JsonNode c : bf.path("conflicts")) {
                Use a = firstByFullName.get(c.path("addon").asText());
                if (a != null) {
                    found.add(Map.entry(a, c));
                }
            }
            found.sort(Comparator.comparing(e -> index.get(e.getKey())));
            for (Map.Entry<Use, JsonNode> e : found) {
                Use a = e.getKey();
                ctx.atValue(Code.ADDON_CONFLICT, b.pointer(), "addons " + a.name() + " and " + b.name()
                        + " exclude each other: " + e.getValue().path("reason").asText("the facts say so")
                        + ", so enabling both breaks the pod network of every node",
                        "keep one of " + a.name() + " and " + b.name());
            }
            index.put(b, j);
            firstByFullName.putIfAbsent(fullName(bf, b.canonical()), b);
        }
        Set<String> disabled = new LinkedHashSet<>();
        uses.stream().filter(Use::disable).forEach(u -> disabled.add(u.canonical()));
        for (Use u : enabled) {
            for (JsonNode dep : ClusterFacts.addonFacts(u.canonical()).path("dependencies")) {
                String kind = dep.path("kind").asText();
                boolean unconditional = kind.equals("requires")
                        || kind.equals("enables") && !dep.has("condition") && !dep.has("viaFlag");
                String target = dep.path("addon").asText();
                String targetName = target.substring(target.indexOf('/') + 1);
                if (unconditional && Catalog.inRange(ctx.track().name(), dep) && disabled.contains(targetName)) {
                    ctx.atValue(Code.ADDON_CONFLICT, u.pointer(), "addon " + u.name() + (kind.equals("requires")
                            ? " requires " + targetName + ", but spec.addons disables it: enabling " + u.name() + " fails"
                            : " enables " + targetName + " itself, but spec.addons disables it: the two entries undo each other"),
                            "remove the disable of " + targetName + " or drop " + u.name());
                }
            }
        }
    }

    // ---- LC3015 / LC3016 ----

    private static void args(ClusterRuleContext ctx, Use u) {
        Track track = ctx.track();
        String action = u.disable() ? "disable" : "enable";
        JsonNode own = ClusterFacts.addonFacts(u.name());
        JsonNode alias = own.path("aliasOf");
        JsonNode facts = own;
        if (!alias.isMissingNode() && Catalog.inRange(track.name(), alias)) {
            String forwards = alias.path("forwardsArgs").asText("all");
            if (forwards.equals("none") && !u.args().isEmpty()) {
                ctx.atValue(Code.BAD_ADDON_ARGS, u.args().get(0).pointer(), u.name() + " does not pass its arguments on to "
                        + u.canonical() + ": MicroK8s ignores them, so " + u.canonical() + " is set up with its defaults",
                        "use " + u.canonical() + " with its own options");
                return;
            }
            if (forwards.equals("first") && u.args().size() > 1) {
                ctx.atValue(Code.BAD_ADDON_ARGS, u.args().get(1).pointer(), u.name() + " passes only its first argument on"
                        + " to " + u.canonical() + ": MicroK8s ignores the others", "use " + u.canonical() + " directly");
                return;
            }
            if (forwards.equals("all")) {
                facts = ClusterFacts.addonFacts(u.canonical());
            }
        }
        if (u.colonForm()) {
            String tail = String.join(":", u.args().stream().limit(countColon(u)).map(Arg::text).toList());
            if (tail.contains("::") || tail.contains("://") || tail.contains("[")) {
                ctx.atValue(Code.BAD_ADDON_ARGS, u.pointer(), "the colon form '" + printable(u.name() + ":" + tail)
                        + "' is split at every ':', so " + u.name() + " gets " + countColon(u) + " arguments instead of"
                        + " the address or URL: the " + action + " script rejects them or reads the wrong values",
                        "write name: " + u.name() + " and put the value into args: [\"" + printable(tail) + "\"]");
                return;
            }
        }
        JsonNode spec = null;
        for (JsonNode s : facts.path("args")) {
            if (s.path("action").asText().equals(action) && Catalog.inRange(track.name(), s)) {
                spec = s;
                break;
            }
        }
        int positional = spec == null ? 0 : new ArgCheck(ctx, u, spec, action).run();
        if (spec == null) {
            positional = (int) u.args().stream().filter(a -> !a.text().startsWith("-")).count();
        }
        for (JsonNode p : facts.path("prompts")) {
            if (p.path("action").asText().equals(action) && positional == 0) {
                String example = promptExample(spec);
                String boot = ClusterFacts.bootstrapNode(ctx.cluster());
                ctx.atValue(Code.ADDON_PROMPTS, u.pointer(), u.name() + " " + action + " waits for input ("
                        + p.path("what").asText("an interactive prompt") + ": " + p.path("when").asText("no arguments")
                        + "); the cluster agent runs microk8s " + action + " without a terminal, so the step hangs or fails"
                        + (boot == null ? "" : " on the bootstrap node " + printable(boot)),
                        p.path("avoid").asText("pass the arguments it asks for") + (example == null ? "" : ", e.g. args: [" + example + "]"));
            }
        }
    }

    /** How many of the arguments came from the colon form of the name (they come first). */
    private static long countColon(Use u) {
        return u.args().stream().filter(a -> a.pointer().equals(u.pointer())).count();
    }

    private static String promptExample(JsonNode spec) {
        if (spec == null) {
            return null;
        }
        for (JsonNode p : spec.path("positional")) {
            if (p.has("literal")) {
                return p.path("literal").asText();
            }
            String meta = p.path("meta").asText("");
            if (meta.startsWith("A-B")) {
                return "10.64.140.43-10.64.140.49";
            }
            if (!meta.isEmpty()) {
                return meta;
            }
        }
        return null;
    }

    /** Walks the arguments of one addon against one args spec. */
    private static final class ArgCheck {
        private final ClusterRuleContext ctx;
        private final Use use;
        private final JsonNode spec;
        private final String action;
        private final boolean complete;
        private final Set<String> used = new LinkedHashSet<>();
        private boolean tooMany;

        ArgCheck(ClusterRuleContext ctx, Use use, JsonNode spec, String action) {
            this.ctx = ctx;
            this.use = use;
            this.spec = spec;
            this.action = action;
            this.complete = spec.path("complete").asBoolean(false);
        }

        /** Checks every argument; returns how many positional arguments there were. */
        int run() {
            List<Arg> args = use.args();
            String who = use.name() + (action.equals("disable") ? " (disable)" : "");
            if (spec.path("takesNoArgs").asBoolean(false)) {
                if (!args.isEmpty()) {
                    report(args.get(0), who + " takes no arguments: MicroK8s ignores '" + printable(args.get(0).text())
                            + "', so the addon is not set up the way the file asks", "remove the args of " + use.name());
                }
                return args.size();
            }
            int positional = 0;
            for (int i = 0; i < args.size(); i++) {
                Arg a = args.get(i);
                String t = a.text();
                if (isOption(t)) {
                    i = option(args, i, who);
                } else {
                    positional++;
                    positional(a, positional, who);
                }
            }
            for (JsonNode f : spec.path("flags")) {
                if (f.path("required").asBoolean(false) && !used.contains(f.path("name").asText())) {
                    reportAt(use.pointer(), who + " needs " + f.path("name").asText() + ": its " + action
                            + " script refuses to run without it, so " + use.name() + " is not " + action + "d",
                            "add " + f.path("name").asText() + " to the args of " + use.name());
                }
                JsonNode dep = f.path("deprecated").path("replacement");
                String name = f.path("name").asText();
                if (!dep.isMissingNode() && used.contains(name) && used.contains(dep.asText())) {
                    reportAt(use.pointer(), who + " gets both " + name + " and " + dep.asText()
                            + ", the old and the new name of one option: the addon refuses them together",
                            "keep " + dep.asText() + " only");
                }
            }
            return positional;
        }

        private static boolean isOption(String t) {
            return t.length() > 1 && t.startsWith("-") && !Character.isDigit(t.charAt(1));
        }

        /** One option at {@code args[i]}; returns the index of the last argument it consumed. */
        private int option(List<Arg> args, int i, String who) {
            Arg a = args.get(i);
            String t = a.text();
            String name = t;
            String value = null;
            int eq = t.indexOf('=');
            if (eq > 0) {
                name = t.substring(0, eq);
                value = t.substring(eq + 1);
            }
            JsonNode flag = null;
            boolean negation = false;
            for (JsonNode f : spec.path("flags")) {
                if (name.equals(f.path("name").asText()) || name.equals(f.path("short").asText(null))) {
                    flag = f;
                } else if (name.equals(f.path("negation").asText(null))) {
                    flag = f;
                    negation = true;
                }
                if (flag != null) {
                    break;
                }
            }
            if (flag == null) {
                if (complete) {
                    List<String> names = new ArrayList<>();
                    spec.path("flags").forEach(f -> {
                        if (!f.path("hidden").asBoolean(false)) {
                            names.add(f.path("name").asText());
                        }
                    });
                    String hint = DidYouMean.closest(name, names).map(n -> "did you mean " + n + "?")
                            .orElse(names.isEmpty() ? "remove it: " + use.name() + " takes no options"
                                    : "its options: " + ClusterFacts.list(names, 8));
                    report(a, who + " has no option " + printable(name) + " on " + ctx.track().name()
                            + ": the addon's " + action + " script rejects it, so " + use.name() + " is not " + action + "d",
                            hint);
                }
                return i;
            }
            String canonicalName = flag.path("name").asText();
            used.add(canonicalName);
            boolean takesValue = flag.path("value").asBoolean(false) && !negation;
            if (!takesValue) {
                if (value != null && flag.has("value")) {
                    report(a, "option " + name + " of " + who + " is a switch and takes no value, not '"
                            + printable(value) + "'", "write " + name + " alone");
                }
                return i;
            }
            int last = i;
            Arg at = a;
            if (value == null) {
                if (i + 1 < args.size() && !isOption(args.get(i + 1).text())) {
                    last = i + 1;
                    at = args.get(i + 1);
                    value = at.text();
                } else {
                    report(a, "option " + name + " of " + who + " needs a value"
                            + (flag.has("meta") ? " (" + flag.path("meta").asText() + ")" : ""), "write " + canonicalName
                            + "=" + flag.path("default").asText(flag.path("meta").asText("VALUE")));
                    return i;
                }
            }
            value(at, flag, canonicalName, value, who);
            return last;
        }

        private void value(Arg at, JsonNode flag, String name, String value, String who) {
            JsonNode values = flag.path("values");
            if (values.isArray() && !values.isEmpty()) {
                List<String> allowed = new ArrayList<>();
                values.forEach(v -> allowed.add(v.asText()));
                if (!allowed.contains(value)) {
                    String same = allowed.stream().filter(v -> v.equalsIgnoreCase(value)).findFirst().orElse(null);
                    report(at, "option " + name + " of " + who + " takes " + String.join(" or ", allowed) + ", not '"
                            + printable(value) + "': the " + action + " script rejects it, so " + use.name() + " is not "
                            + action + "d", same != null ? "write " + name + "=" + same : "use one of " + String.join(", ", allowed));
                    return;
                }
            }
            String pattern = flag.path("pattern").asText(null);
            if (pattern != null) {
                boolean ok;
                try {
                    ok = Pattern.compile(pattern).matcher(value).find();
                } catch (PatternSyntaxException e) {
                    ok = true;
                }
                if (!ok) {
                    String note = flag.path("note").asText(null);
                    report(at, "option " + name + " of " + who + " does not accept '" + printable(value) + "'"
                            + (note == null ? "" : " (it must be " + note + ")") + ": the " + action
                            + " script rejects it, so " + use.name() + " is not " + action + "d",
                            "write e.g. " + name + "=" + flag.path("default").asText("…"));
                }
            }
        }

        private void positional(Arg a, int index, String who) {
            List<JsonNode> candidates = new ArrayList<>();
            int max = 0;
            for (JsonNode p : spec.path("positional")) {
                if (!Catalog.inRange(ctx.track().name(), p)) {
                    continue;
                }
                max = Math.max(max, p.path("index").asInt());
                if (p.path("index").asInt() == index) {
                    candidates.add(p);
                }
            }
            if (candidates.isEmpty()) {
                if (complete && !tooMany) {
                    tooMany = true;
                    report(a, who + " takes " + (max == 0 ? "no positional arguments" : "at most " + max
                            + " positional argument" + (max == 1 ? "" : "s")) + " on " + ctx.track().name()
                            + ", so '" + printable(a.text()) + "' is not used as intended",
                            use.colonForm() ? "the colon form splits at every ':', so IPv6 addresses and URLs need the args list"
                                    : "remove it");
                }
                return;
            }
            List<String> literals = new ArrayList<>();
            for (JsonNode p : candidates) {
                String form = p.path("form").asText("value");
                if (form.equals("literal")) {
                    if (p.path("literal").asText().equals(a.text())) {
                        return;
                    }
                    literals.add(p.path("literal").asText());
                } else if (form.equals("key=value")) {
                    String key = p.path("key").asText();
                    if (!a.text().startsWith(key + "=")) {
                        report(a, who + " expects " + key + "=" + p.path("meta").asText("VALUE") + " as argument " + index
                                + ", not '" + printable(a.text()) + "'", "write " + key + "=…");
                        return;
                    }
                    meta(a, a.text().substring(key.length() + 1), p, who);
                    return;
                } else {
                    meta(a, a.text(), p, who);
                    return;
                }
            }
            if (!literals.isEmpty()) {
                report(a, who + " takes " + String.join(" or ", literals) + " as argument " + index + ", not '"
                        + printable(a.text()) + "'", "write " + literals.get(0));
            }
        }

        /** Value checks by the positional's {@code meta}. */
        private void meta(Arg a, String value, JsonNode p, String who) {
            String meta = p.path("meta").asText("");
            String problem = null;
            String hint = null;
            if (meta.startsWith("A-B")) {
                problem = rangesProblem(value);
                hint = "write ranges as FIRST-LAST (10.64.140.43-10.64.140.49) or CIDRs (192.168.1.240/28), comma-separated";
            } else if (meta.equals("IP") || meta.equals("A.B.C.D")) {
                if (Inet.parseIp(value) == null) {
                    problem = "'" + printable(value) + "' is not an IP address";
                    hint = "write an IP address such as " + (meta.equals("IP") ? "10.152.183.10" : "10.0.1.1");
                }
            } else if (meta.startsWith("IP[,IP")) {
                if (!value.isEmpty() && !value.equals("/etc/resolv.conf")) {
                    for (String ip : value.split(",", -1)) {
                        if (Inet.parseIp(ip) == null) {
                            problem = "'" + printable(ip) + "' is not an IP address";
                            hint = "list nameserver IP addresses separated by ',' (no spaces), or /etc/resolv.conf";
                            break;
                        }
                    }
                }
            }
            if (problem != null) {
                report(a, "argument " + p.path("index").asInt() + " (" + p.path("name").asText() + ") of " + who + ": "
                        + problem + ": the " + action + " script rejects it, so " + use.name() + " is not set up", hint);
            }
        }

        private void report(Arg a, String message, String hint) {
            reportAt(a.pointer(), message, hint);
        }

        private void reportAt(String pointer, String message, String hint) {
            ctx.atValue(Code.BAD_ADDON_ARGS, pointer, message, hint);
        }
    }

    /** Why a MetalLB address list is not comma-separated {@code A-B} ranges or CIDRs, or null. */
    static String rangesProblem(String value) {
        if (value.isEmpty()) {
            return "the address list is empty";
        }
        for (String part : value.split(",", -1)) {
            if (part.isEmpty()) {
                return "the address list has an empty entry";
            }
            if (!part.strip().equals(part) || part.indexOf(' ') >= 0) {
                return "'" + printable(part) + "' holds a space";
            }
            if (part.indexOf('/') >= 0) {
                if (Inet.parseCidr(part) == null) {
                    return "'" + printable(part) + "' is not a CIDR";
                }
                continue;
            }
            int dash = part.indexOf('-');
            if (dash < 0) {
                return "'" + printable(part) + "' is neither a range FIRST-LAST nor a CIDR";
            }
            byte[] from = Inet.parseIp(part.substring(0, dash));
            byte[] to = Inet.parseIp(part.substring(dash + 1));
            if (from == null || to == null) {
                return "'" + printable(part) + "' is not a range of two IP addresses";
            }
            if (from.length != to.length) {
                return "'" + printable(part) + "' mixes IPv4 and IPv6";
            }
            if (new BigInteger(1, from).compareTo(new BigInteger(1, to)) > 0) {
                return "'" + printable(part) + "' ends before it starts";
            }
        }
        return null;
    }

    // ---- LC3013 / LC3025 ----

    private static void internet(ClusterRuleContext ctx, Use u) {
        String track = ctx.track().name();
        JsonNode facts = ClusterFacts.addonFacts(u.canonical());
        JsonNode entry = null;
        for (JsonNode n : facts.path("network")) {
            if (Catalog.inRange(track, n)) {
                entry = n;
                break;
            }
        }
        if (entry == null || !entry.path("needsInternet").asBoolean(false)) {
            return;
        }
        List<String> fetches = new ArrayList<>();
        entry.path("fetches").forEach(f -> fetches.add(f.asText()));
        List<String> workarounds = new ArrayList<>();
        for (JsonNode w : entry.path("workarounds")) {
            if (!w.path("available").asBoolean(true)) {
                continue;
            }
            List<String> flags = new ArrayList<>();
            w.path("flags").forEach(f -> flags.add(f.asText()));
            String note = w.path("note").asText(null);
            String text = (note != null ? note : w.path("kind").asText("workaround").replace('-', ' '))
                    + (flags.isEmpty() ? "" : " (" + String.join(", ", flags) + ")")
                    + (w.path("inferred").asBoolean(false) ? " [inferred, not documented]" : "");
            workarounds.add(text);
        }
        String what = u.implied() ? u.name() + " (from " + (u.pointer().equals("/spec/gpu") ? "spec.gpu" : "spec.network.cni") + ")"
                : u.name();
        String fetch = fetches.isEmpty() ? "" : " (" + ClusterFacts.list(fetches, 3) + ")";
        String boot = ClusterFacts.bootstrapNode(ctx.cluster());
        String where = boot == null ? "the node that enables it" : "the bootstrap node " + printable(boot);
        List<String> issues = new ArrayList<>();
        entry.path("issues").forEach(i -> issues.add(i.asText()));
        if (workarounds.isEmpty()) {
            report(ctx, u, Code.ADDON_NEEDS_INTERNET, "addon " + what + " needs the internet when it is enabled" + fetch
                    + ", and no offline workaround is known: in this air-gapped cluster (spec.airgap) enabling it fails on "
                    + where, "remove " + u.name() + ", or install it by hand from a host with internet access"
                            + (issues.isEmpty() ? "" : " (see " + String.join(", ", issues) + ")"));
        } else {
            report(ctx, u, Code.ADDON_NEEDS_INTERNET_WORKAROUND, "addon " + what + " needs the internet when it is enabled"
                    + fetch + ", but the cluster is air-gapped (spec.airgap): enabling it fails on " + where
                    + " unless you prepare a workaround", "workaround: " + String.join("; or ", workarounds));
        }
    }

    private static void report(ClusterRuleContext ctx, Use u, Code code, String message, String hint) {
        if (u.pointer().equals("/spec/gpu")) {
            ctx.atKey(code, u.pointer(), message, hint);
        } else {
            ctx.atValue(code, u.pointer(), message, hint);
        }
    }
}
