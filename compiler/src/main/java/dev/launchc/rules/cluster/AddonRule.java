package dev.launchc.rules.cluster;

import static dev.launchc.rules.cluster.ClusterFacts.printable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.launchc.catalog.Catalog;
import dev.launchc.catalog.Track;
import dev.launchc.diag.Code;
import dev.launchc.load.Pointers;
import dev.launchc.model.internal.AddonRequest;
import dev.launchc.model.internal.Cluster;
import dev.launchc.rules.AddonArgCheck;
import dev.launchc.rules.AddonConflicts;
import dev.launchc.rules.AddonArgCheck.Arg;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 *       an addon that takes none, and to an alias that does not forward them ({@link AddonArgCheck},
 *       shared with the native LC1040).</li>
 *   <li>LC3016 (ADDON_PROMPTS): an addon whose facts {@code prompts} for the action fire because no
 *       positional argument is given (metallb enable, hostpath-storage disable).</li>
 *   <li>LC3013 (ADDON_NEEDS_INTERNET) and LC3025 (ADDON_NEEDS_INTERNET_WORKAROUND, warning): with
 *       {@code spec.airgap}, an enabled addon whose facts {@code network} entry for the track says
 *       {@code needsInternet}; LC3025 when the facts list an available workaround. Addons the file
 *       implies count too: {@code spec.network.cni} kube-ovn/cilium and {@code spec.gpu} (the
 *       track's GPU addon). Addons the facts do not classify are not reported.</li>
 *   <li>LC3050 (ADDON_NOT_UNDER_STRICT): with {@code spec.confinement: strict}, an enabled addon
 *       (written or implied) whose track catalog entry's {@code confinement} does not name
 *       {@code strict}: the strictly confined snap does not offer it
 *       (scripts/wrappers/common/utils.py get_available_addons on the track's strict branch).</li>
 * </ul>
 */
public final class AddonRule implements ClusterRule {
    private static final String CALICO = "calico";

    /** One addon the cluster enables or disables, as written or implied by another field. */
    record Use(String repo, String name, String canonical, boolean disable, List<Arg> args, String pointer,
            boolean implied, boolean colonForm) {}

    @Override
    public void check(ClusterRuleContext ctx) {
        List<Use> uses = uses(ctx);
        conflicts(ctx, uses);
        for (Use u : uses) {
            if (!u.implied()) {
                args(ctx, u);
            }
        }
        if (ctx.cluster().strict()) {
            for (Use u : uses) {
                if (!u.disable()) {
                    confinement(ctx, u);
                }
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

    private static String canonical(String name, Track track) {
        return AddonArgCheck.canonical(name, track.name());
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
            firstByFullName.putIfAbsent(dev.launchc.rules.AddonConflicts.fullName(b.canonical()), b);
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
        String action = u.disable() ? "disable" : "enable";
        AddonArgCheck.Result checked = AddonArgCheck.check(ctx.track().name(),
                new AddonArgCheck.Use(u.name(), u.canonical(), u.disable(), u.args(), u.pointer(), u.colonForm()),
                (pointer, message, hint) -> ctx.atValue(Code.BAD_ADDON_ARGS, pointer, message, hint));
        if (checked == null) {
            return;
        }
        JsonNode spec = checked.spec();
        for (JsonNode p : checked.facts().path("prompts")) {
            if (p.path("action").asText().equals(action) && checked.positional() == 0) {
                String example = promptExample(spec);
                String boot = ctx.resolved().bootstrapName();
                ctx.atValue(Code.ADDON_PROMPTS, u.pointer(), u.name() + " " + action + " waits for input ("
                        + p.path("what").asText("an interactive prompt") + ": " + p.path("when").asText("no arguments")
                        + "); the cluster agent runs microk8s " + action + " without a terminal, so the step hangs or fails"
                        + (boot == null ? "" : " on the bootstrap node " + printable(boot)),
                        p.path("avoid").asText("pass the arguments it asks for") + (example == null ? "" : ", e.g. args: [" + example + "]"));
            }
        }
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
        String boot = ctx.resolved().bootstrapName();
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

    // ---- LC3050 ----

    private static void confinement(ClusterRuleContext ctx, Use u) {
        Track track = ctx.track();
        JsonNode addon = track.addons().get(u.canonical());
        if (addon == null || Track.offeredUnder(addon, true)) {
            return;
        }
        String what = u.implied() ? u.name() + " (from " + (u.pointer().equals("/spec/gpu") ? "spec.gpu" : "spec.network.cni") + ")"
                : u.name();
        report(ctx, u, Code.ADDON_NOT_UNDER_STRICT, "addon " + what + " is not offered by the strictly confined MicroK8s "
                + track.name() + " (spec.confinement: strict): its addons.yaml entry says confinement '"
                + addon.path("confinement").asText() + "', so 'microk8s enable " + u.canonical()
                + "' finds no such addon on the node", "remove " + u.name() + ", or use spec.confinement: classic");
    }

    private static void report(ClusterRuleContext ctx, Use u, Code code, String message, String hint) {
        if (u.pointer().equals("/spec/gpu")) {
            ctx.atKey(code, u.pointer(), message, hint);
        } else {
            ctx.atValue(code, u.pointer(), message, hint);
        }
    }
}
