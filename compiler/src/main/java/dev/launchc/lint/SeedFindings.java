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
import dev.launchc.model.internal.AddonRequest;
import dev.launchc.model.internal.ArgEntry;
import dev.launchc.model.internal.Part;
import dev.launchc.model.internal.ServiceFile;
import dev.launchc.model.internal.Value;
import dev.launchc.resolve.Origins;
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
 * <p>The line is the origin the seed derivation recorded for the value the finding points at
 * ({@link Origins}): the cluster-file entry it was copied or computed from, at its line and column.
 * A seed without recorded origins, or a value whose origin is not written in the file (a default),
 * is matched by what the finding points at instead: the entry of the cluster file with the same key
 * (a flag, an env name, a registry host), else with the same value (a CIDR, an address),
 * preferring the node's own entry; else the node's entry in {@code spec.nodes}.
 */
public final class SeedFindings {
    private SeedFindings() {}

    /**
     * One derived seed's lint: the node's name, its index in {@code spec.nodes}, and the origins the
     * derivation recorded for the seed's values.
     */
    public record Seed(String node, int nodeIndex, FileLint lint, Origins origins) {
        /** A seed whose values have no recorded origin: its findings are matched to the cluster file by key and value. */
        public Seed(String node, int nodeIndex, FileLint lint) {
            this(node, nodeIndex, lint, Origins.NONE);
        }
    }

    /** Shortest text that counts as a telling value match: "true" or "1" occur everywhere. */
    private static final int MIN_VALUE_MATCH = 5;

    public static List<Diagnostic> inClusterFile(FileLint clusterLint, Cluster cluster, List<Seed> seeds) {
        YDocument doc = cluster.source();
        Map<String, Diagnostic> first = new LinkedHashMap<>();
        Map<String, List<String>> nodes = new LinkedHashMap<>();
        // What the cluster lint reported, by code and line: a set, not a scan per seed finding.
        java.util.Set<String> reported = new java.util.HashSet<>();
        for (Diagnostic c : clusterLint.diagnostics()) {
            reported.add(c.code() + "@" + c.line());
        }
        for (Seed seed : seeds) {
            for (Diagnostic d : seed.lint().diagnostics()) {
                String pointer = clusterPointer(doc, seed, d);
                boolean atKey = pointer.startsWith("key:");
                pointer = atKey ? pointer.substring(4) : pointer;
                Pos pos = atKey ? doc.keyPos(pointer) : doc.valuePos(pointer);
                Diagnostic mapped = new Diagnostic(d.code(), d.severity(), d.message(), clusterLint.file(), pos.line(),
                        pos.column(), pointer, d.hint());
                if (reported.contains(d.code() + "@" + pos.line())) {
                    continue;
                }
                // A seed's --node-labels and --register-with-taints come from the cluster's labels and
                // taints, which the cluster lint checks itself (LC3021, LC3022).
                if (d.code().equals(dev.launchc.diag.Code.BAD_FLAG_VALUE.id()) && d.path() != null
                        && (d.path().endsWith("/--node-labels") && clusterReported(clusterLint, dev.launchc.diag.Code.BAD_LABEL)
                                || d.path().endsWith("/--register-with-taints") && clusterReported(clusterLint, dev.launchc.diag.Code.BAD_TAINT))) {
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

    private static boolean clusterReported(FileLint clusterLint, dev.launchc.diag.Code code) {
        return clusterLint.diagnostics().stream().anyMatch(c -> c.code().equals(code.id()));
    }

    /** The cluster-file pointer a seed finding stems from; "key:" in front when the key is meant. */
    private static String clusterPointer(YDocument doc, Seed seed, Diagnostic d) {
        String recorded = recordedOrigin(doc, seed, d);
        if (recorded != null) {
            return recorded;
        }
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

    /**
     * The cluster-file pointer the derivation recorded for the seed value the finding points at, with
     * "key:" in front when the finding points at the seed entry's key; null when none is recorded or
     * the file does not hold it (a default the user never wrote).
     */
    private static String recordedOrigin(YDocument doc, Seed seed, Diagnostic d) {
        if (seed.origins().all().isEmpty() || seed.lint().config() == null || d.path() == null || d.path().isEmpty()
                || doc.root() == null) {
            return null;
        }
        for (Part part : seed.lint().config().parts()) {
            YDocument source = part.source();
            if (source == null || source.at(d.path()) == null) {
                continue;
            }
            Pos key = source.keyPos(d.path());
            Pos value = source.valuePos(d.path());
            if (key.line() != d.line() && value.line() != d.line()) {
                continue;
            }
            String field = seedField(part, d.path());
            String origin = field == null ? null : seed.origins().of(field);
            if (origin == null || doc.at(origin) == null) {
                return null;
            }
            boolean atKey = key.line() == d.line() && key.column() == d.column() && !key.equals(value);
            return atKey ? "key:" + origin : origin;
        }
        return null;
    }

    /** The {@link Origins} field of the seed entry at {@code pointer} (or inside it), or null. */
    private static String seedField(Part part, String pointer) {
        for (Map.Entry<ServiceFile, List<ArgEntry>> file : part.serviceArgs().entrySet()) {
            for (ArgEntry e : file.getValue()) {
                if (within(pointer, e.pointer())) {
                    return Origins.arg(file.getKey(), e.key());
                }
            }
        }
        for (Map.Entry<ServiceFile, String> file : part.serviceArgsPointers().entrySet()) {
            if (pointer.equals(file.getValue())) {
                return Origins.args(file.getKey());
            }
        }
        if (part.extraSANs() != null) {
            for (Value san : part.extraSANs()) {
                if (within(pointer, san.pointer())) {
                    return Origins.san(san.text());
                }
            }
            if (pointer.equals(part.extraSANsPointer())) {
                return Origins.SANS;
            }
        }
        if (part.join() != null && within(pointer, part.join().pointer())) {
            return Origins.JOIN;
        }
        if (part.persistentClusterToken() != null && within(pointer, part.persistentClusterToken().pointer())) {
            return Origins.TOKEN;
        }
        for (ArgEntry e : part.registryConfigs()) {
            if (within(pointer, e.pointer())) {
                return Origins.registry(e.key());
            }
        }
        for (AddonRequest a : part.addons()) {
            if (within(pointer, a.pointer())) {
                return Origins.addon(a.name());
            }
        }
        return null;
    }

    /** True when {@code pointer} is {@code entry} or leads inside it. */
    private static boolean within(String pointer, String entry) {
        return entry != null && (pointer.equals(entry) || pointer.startsWith(entry + "/"));
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
