package dev.launchc.lint;

import dev.launchc.diag.Diagnostic;
import dev.launchc.diag.Pos;
import dev.launchc.load.Pointers;
import dev.launchc.load.YDocument;
import dev.launchc.load.YMap;
import dev.launchc.load.YNode;
import dev.launchc.load.YScalar;
import dev.launchc.load.YSeq;
import dev.launchc.model.internal.Cluster;
import dev.launchc.model.internal.Part;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The findings of a cluster's derived seeds, told in terms of the cluster file. compile lints each
 * seed it derives as the node will read it; a finding there is caused by a line of the cluster
 * file, so it is reported at that line, once for all the nodes that share it, and not at all when
 * the cluster lint already reported the same code there.
 *
 * <p>The line is found by what the seed finding points at: the entry of the cluster file with the
 * same key (a flag, an env name, a registry host), else with the same value (a CIDR, an address),
 * preferring the node's own entry; else the node's entry in {@code spec.nodes}.
 */
public final class SeedFindings {
    private SeedFindings() {}

    /** One derived seed's lint: the node's name and its index in {@code spec.nodes}. */
    public record Seed(String node, int nodeIndex, FileLint lint) {}

    /** Shortest text that counts as a telling value match: "true" or "1" occur everywhere. */
    private static final int MIN_VALUE_MATCH = 5;

    public static List<Diagnostic> inClusterFile(FileLint clusterLint, Cluster cluster, List<Seed> seeds) {
        YDocument doc = cluster.source();
        Map<String, Diagnostic> first = new LinkedHashMap<>();
        Map<String, List<String>> nodes = new LinkedHashMap<>();
        for (Seed seed : seeds) {
            for (Diagnostic d : seed.lint().diagnostics()) {
                String pointer = clusterPointer(doc, seed, d);
                boolean atKey = pointer.startsWith("key:");
                pointer = atKey ? pointer.substring(4) : pointer;
                Pos pos = atKey ? doc.keyPos(pointer) : doc.valuePos(pointer);
                Diagnostic mapped = new Diagnostic(d.code(), d.severity(), d.message(), clusterLint.file(), pos.line(),
                        pos.column(), pointer, d.hint());
                boolean known = clusterLint.diagnostics().stream()
                        .anyMatch(c -> c.code().equals(d.code()) && c.line() == pos.line());
                if (known) {
                    continue;
                }
                String key = d.code() + "|" + pos + "|" + d.message() + "|" + d.hint();
                first.putIfAbsent(key, mapped);
                nodes.computeIfAbsent(key, k -> new ArrayList<>()).add(seed.node());
            }
        }
        List<Diagnostic> out = new ArrayList<>();
        for (Map.Entry<String, Diagnostic> e : first.entrySet()) {
            Diagnostic d = e.getValue();
            List<String> names = nodes.get(e.getKey());
            String where = names.size() == 1 ? " (in the seed derived for node " + names.get(0) + ")"
                    : " (in the seeds derived for nodes " + String.join(", ", names) + ")";
            out.add(new Diagnostic(d.code(), d.severity(), d.message() + where, d.file(), d.line(), d.column(),
                    d.path(), d.hint()));
        }
        return out;
    }

    /** The cluster-file pointer a seed finding stems from; "key:" in front when the key is meant. */
    private static String clusterPointer(YDocument doc, Seed seed, Diagnostic d) {
        String nodePointer = "/spec/nodes/" + seed.nodeIndex();
        String fallback = doc.at(nodePointer + "/name") != null ? nodePointer + "/name" : nodePointer;
        if (d.path() == null || d.path().isEmpty() || doc.root() == null) {
            return fallback;
        }
        String path = d.path();
        String key = path.substring(path.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
        String value = seedValue(seed.lint(), d);
        String[] best = {fallback};
        int[] bestScore = {0};
        walk(doc.root(), "", null, (pointer, entry) -> {
            YMap.Entry e = entry;
            boolean keyMatch = e.key().text().equals(key);
            boolean valueMatch = value != null && value.length() >= MIN_VALUE_MATCH
                    && e.value() instanceof YScalar s && s.text().equals(value);
            boolean itemMatch = false;
            if (!valueMatch && value != null && value.length() >= MIN_VALUE_MATCH && e.value() instanceof YSeq seq) {
                for (YNode item : seq.items()) {
                    itemMatch |= item instanceof YScalar s && s.text().equals(value);
                }
            }
            if (!keyMatch && !valueMatch && !itemMatch) {
                return;
            }
            int score = (keyMatch ? 4 : 0) + (valueMatch ? 2 : itemMatch ? 1 : 0) + (pointer.startsWith(nodePointer + "/") ? 1 : 0);
            if (score > bestScore[0]) {
                bestScore[0] = score;
                best[0] = keyMatch && !valueMatch ? "key:" + pointer : pointer;
            }
        });
        return best[0];
    }

    /** Every mapping entry under {@code node}, with its pointer, in document order. */
    private static void walk(YNode node, String pointer, YMap.Entry self, BiConsumer<String, YMap.Entry> visit) {
        if (self != null) {
            visit.accept(pointer, self);
        }
        if (node instanceof YMap map) {
            for (YMap.Entry e : map.entries()) {
                walk(e.value(), Pointers.child(pointer, e.key().text()), e, visit);
            }
        } else if (node instanceof YSeq seq) {
            for (int i = 0; i < seq.items().size(); i++) {
                walk(seq.items().get(i), Pointers.child(pointer, i), null, visit);
            }
        }
    }

    /** The scalar text the seed finding points at, or null. */
    private static String seedValue(FileLint seedLint, Diagnostic d) {
        if (seedLint.config() == null) {
            return null;
        }
        for (Part part : seedLint.config().parts()) {
            YDocument source = part.source();
            if (source != null && source.at(d.path()) instanceof YScalar s
                    && (source.valuePos(d.path()).line() == d.line() || source.keyPos(d.path()).line() == d.line())) {
                return s.text();
            }
        }
        return null;
    }
}
