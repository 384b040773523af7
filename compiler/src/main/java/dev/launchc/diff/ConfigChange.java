package dev.launchc.diff;

import dev.launchc.catalog.Track;
import dev.launchc.compile.NodeCompiler;
import dev.launchc.compile.Redact;
import dev.launchc.model.internal.AddonRepo;
import dev.launchc.model.internal.AddonRequest;
import dev.launchc.model.internal.ArgEntry;
import dev.launchc.model.internal.Part;
import dev.launchc.model.internal.ServiceFile;
import dev.launchc.model.internal.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What a config edit changes, node by node: the nodes added and removed, the seed parts that
 * change, the preview files that change, and the services MicroK8s restarts when the new seed is
 * applied to a node the old one made (the watcher's full apply, launch-config-facts §1.3, §4.1).
 *
 * @param status     "added", "removed", "changed" or "unchanged"
 * @param seedParts  e.g. "part 2 changed", "part 3 added"
 * @param files      the args files that differ
 * @param restarts   the services restarted by applying the new seed to the old node
 * @param manual     what must be done by hand on the node before the new seed is applied
 */
public record ConfigChange(String node, String status, List<String> seedParts, List<String> files, List<String> restarts,
        List<String> manual) {

    private static final String KUBELET = ServiceFile.KUBELET.fileName();

    /** The report of an edit: the file differences of every node in both, and the change of each node. */
    public record Report(List<Difference> differences, List<ConfigChange> nodes) {}

    /** Compares {@code newer} (the edit, EXPECTED) with {@code older} (ACTUAL), nodes matched by name. */
    public static Report compare(List<NodeState> newer, List<NodeState> older, Track track) {
        Map<String, NodeState> olds = new LinkedHashMap<>();
        older.forEach(n -> olds.put(n.node(), n));
        Map<String, NodeState> news = new LinkedHashMap<>();
        newer.forEach(n -> news.put(n.node(), n));
        TreeSet<String> names = new TreeSet<>(olds.keySet());
        names.addAll(news.keySet());
        DriftComparer comparer = DriftComparer.betweenConfigs();
        List<Difference> differences = new ArrayList<>();
        List<ConfigChange> nodes = new ArrayList<>();
        for (String name : names) {
            NodeState n = news.get(name);
            NodeState o = olds.get(name);
            if (o == null) {
                nodes.add(new ConfigChange(name, "added", List.of(), List.copyOf(n.files().keySet()), List.of(), List.of()));
                continue;
            }
            if (n == null) {
                nodes.add(new ConfigChange(name, "removed", List.of(), List.copyOf(o.files().keySet()), List.of(), List.of()));
                continue;
            }
            List<Difference> diffs = comparer.compare(name, n, o);
            differences.addAll(diffs);
            List<String> files = diffs.stream().map(Difference::file).distinct().toList();
            List<String> parts = seedParts(n, o);
            List<String> restarts = n.config() == null ? List.of()
                    : NodeCompiler.applyToNode(o.files(), n.config(), track).restarts();
            boolean changed = !files.isEmpty() || !parts.isEmpty();
            List<String> manual = KubeletCheckpoints.steps(o.files().get(KUBELET), n.files().get(KUBELET),
                    "before the new seed is applied");
            nodes.add(new ConfigChange(name, changed ? "changed" : "unchanged", parts, files, changed ? restarts : List.of(), manual));
        }
        return new Report(List.copyOf(differences), List.copyOf(nodes));
    }

    private static List<String> seedParts(NodeState newer, NodeState older) {
        List<String> a = fingerprints(older);
        List<String> b = fingerprints(newer);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            if (i >= a.size()) {
                out.add("part " + (i + 1) + " added");
            } else if (i >= b.size()) {
                out.add("part " + (i + 1) + " removed");
            } else if (!a.get(i).equals(b.get(i))) {
                out.add("part " + (i + 1) + " changed");
            }
        }
        return out;
    }

    /**
     * Each part as text of what it does, positions left out and secrets redacted: a token shows only
     * whether there is one, a join URL as {@link Redact#joinUrl} shows it.
     */
    private static List<String> fingerprints(NodeState state) {
        List<String> out = new ArrayList<>();
        if (state.config() == null) {
            return out;
        }
        for (Part p : state.config().parts()) {
            StringBuilder sb = new StringBuilder();
            sb.append("version=").append(text(p.version()));
            sb.append("\ntoken=").append(p.persistentClusterToken() != null && !p.persistentClusterToken().text().isEmpty());
            if (p.join() != null) {
                sb.append("\njoin=").append(Redact.joinUrl(p.join().url())).append(" worker=").append(p.join().worker());
            }
            if (p.extraSANs() != null) {
                sb.append("\nsans=").append(p.extraSANs().stream().map(ConfigChange::text).toList());
            }
            for (ServiceFile s : ServiceFile.values()) {
                for (ArgEntry e : p.args(s)) {
                    sb.append('\n').append(s.fileName()).append(' ').append(e.key()).append('=').append(e.value());
                }
            }
            p.registryConfigs().forEach(e -> sb.append("\nregistry ").append(e.key()).append('=').append(e.value()));
            p.configFiles().forEach(e -> sb.append("\nfile ").append(e.key()).append('=').append(e.value()));
            for (AddonRequest a : p.addons()) {
                sb.append("\naddon ").append(a.name()).append(' ').append(a.args()).append(a.disable() ? " disable" : "");
            }
            for (AddonRepo r : p.addonRepositories()) {
                sb.append("\nrepo ").append(r.name()).append(' ').append(r.url()).append(' ').append(r.reference());
            }
            out.add(sb.toString());
        }
        return out;
    }

    private static String text(Value v) {
        return v == null ? null : v.text();
    }
}
