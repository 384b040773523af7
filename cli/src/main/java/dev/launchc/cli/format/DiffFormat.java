package dev.launchc.cli.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.launchc.diff.ConfigChange;
import dev.launchc.diff.DiffKind;
import dev.launchc.diff.Difference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The output of {@code launchc diff}: text grouped by node and file like a review, JSON with one
 * object per difference, or SARIF with each difference at the config line that set it.
 */
public final class DiffFormat {
    private DiffFormat() {}

    /** Text: per node its change (config against config), then each file and its differences. */
    public static String text(ConfigChange.Report report) {
        StringBuilder sb = new StringBuilder();
        boolean edit = !report.nodes().isEmpty();
        Map<String, List<Difference>> byNode = new LinkedHashMap<>();
        for (ConfigChange n : report.nodes()) {
            byNode.put(n.node(), new ArrayList<>());
        }
        for (Difference d : report.differences()) {
            byNode.computeIfAbsent(nodeName(d.node()), k -> new ArrayList<>()).add(d);
        }
        for (Map.Entry<String, List<Difference>> e : byNode.entrySet()) {
            ConfigChange change = report.nodes().stream().filter(n -> n.node().equals(e.getKey())).findFirst().orElse(null);
            sb.append("node ").append(Sanitize.line(e.getKey()));
            if (change != null) {
                sb.append(": ").append(change.status());
                if (!change.seedParts().isEmpty()) {
                    sb.append("; seed ").append(String.join(", ", change.seedParts()));
                }
                if (!change.restarts().isEmpty()) {
                    sb.append("; restarts ").append(String.join(", ", change.restarts().stream().map(s -> "microk8s.daemon-" + s).toList()));
                }
                if (change.status().equals("added") || change.status().equals("removed")) {
                    sb.append(" (").append(change.files().size()).append(" files)");
                }
            }
            sb.append('\n');
            if (change != null) {
                change.manual().forEach(step -> sb.append("  by hand: ").append(Sanitize.line(step)).append('\n'));
            }
            String file = null;
            for (Difference d : e.getValue()) {
                if (!Objects.equals(file, d.file())) {
                    file = d.file();
                    sb.append("  args/").append(Sanitize.line(file)).append('\n');
                }
                sb.append("    ").append(String.format("%-15s", d.kind().label()));
                if (d.key() != null) {
                    sb.append(' ').append(Sanitize.line(d.key()));
                }
                switch (d.kind()) {
                    // Against a node the arrow reads "config -> node"; for an edit (config against
                    // config, EXPECTED the new one) it reads "before -> after", as a reviewer reads a change.
                    case CHANGED -> sb.append(": ").append(value(edit ? d.actual() : d.expected())).append(" -> ")
                            .append(value(edit ? d.expected() : d.actual()));
                    case MISSING -> sb.append(": ").append(value(d.expected()));
                    case UNEXPECTED -> sb.append(": ").append(value(d.actual()));
                    default -> { }
                }
                if (d.line() != null) {
                    sb.append("  (").append(Sanitize.line(d.line().file())).append(':').append(d.line().line()).append(')');
                }
                if (!d.isDrift()) {
                    sb.append("  [written by ").append(Sanitize.line(d.writtenBy())).append(", not drift]");
                }
                sb.append('\n');
            }
        }
        long drift = report.differences().stream().filter(Difference::isDrift).count();
        long outside = report.differences().size() - drift;
        long addedOrRemoved = report.nodes().stream()
                .filter(n -> n.status().equals("added") || n.status().equals("removed")).count();
        sb.append(drift == 0 && outside == 0
                ? addedOrRemoved == 0 ? "no differences" : "no differences in the nodes of both"
                : drift + (drift == 1 ? " difference" : " differences"));
        if (outside > 0) {
            sb.append(", ").append(outside).append(" written by MicroK8s or an addon");
        }
        if (addedOrRemoved > 0) {
            sb.append(", ").append(addedOrRemoved).append(addedOrRemoved == 1 ? " node" : " nodes").append(" added or removed");
        }
        sb.append('\n');
        return sb.toString();
    }

    private static String nodeName(String node) {
        return node == null ? "node" : node;
    }

    private static String value(String v) {
        return v == null ? "(no value)" : "\"" + Sanitize.line(v) + "\"";
    }

    /** JSON: {@code differences} ({@code node, file, kind, key, expected, actual}, plus line and writtenBy), {@code nodes}, {@code summary}. */
    public static String json(ConfigChange.Report report) {
        ObjectNode root = SarifFormat.MAPPER.createObjectNode();
        ArrayNode diffs = root.putArray("differences");
        for (Difference d : report.differences()) {
            ObjectNode o = diffs.addObject();
            o.put("node", d.node());
            o.put("file", "args/" + d.file());
            o.put("kind", d.kind().label());
            o.put("key", d.key());
            o.put("expected", d.expected());
            o.put("actual", d.actual());
            if (d.line() != null) {
                ObjectNode l = o.putObject("line");
                l.put("file", d.line().file());
                l.put("line", d.line().line());
                l.put("column", d.line().column());
            }
            if (!d.isDrift()) {
                o.put("writtenBy", d.writtenBy());
            }
        }
        if (!report.nodes().isEmpty()) {
            ArrayNode nodes = root.putArray("nodes");
            for (ConfigChange n : report.nodes()) {
                ObjectNode o = nodes.addObject();
                o.put("node", n.node());
                o.put("status", n.status());
                n.seedParts().forEach(o.putArray("seedParts")::add);
                ArrayNode files = o.putArray("files");
                n.files().forEach(f -> files.add("args/" + f));
                ArrayNode restarts = o.putArray("restarts");
                n.restarts().forEach(restarts::add);
                if (!n.manual().isEmpty()) {
                    n.manual().forEach(o.putArray("manual")::add);
                }
            }
        }
        ObjectNode summary = root.putObject("summary");
        long drift = report.differences().stream().filter(Difference::isDrift).count();
        summary.put("differences", drift);
        summary.put("writtenOutside", report.differences().size() - drift);
        return write(root);
    }

    /**
     * SARIF 2.1.0 with SarifFormat's conventions: one rule per difference kind, each result at the
     * config line the expectation came from, else at the node's file under {@code args/}; drift is a
     * warning, what MicroK8s or an addon wrote a note.
     */
    public static String sarif(ConfigChange.Report report, Map<String, Difference.ConfigLine> nodeLines) {
        return sarif(report, nodeLines, SarifFormat.toolVersion());
    }

    /** As {@link #sarif(ConfigChange.Report, Map)}, with an explicit tool version, for tests. */
    public static String sarif(ConfigChange.Report report, Map<String, Difference.ConfigLine> nodeLines, String version) {
        ObjectNode root = SarifFormat.MAPPER.createObjectNode();
        root.put("$schema", SarifFormat.SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "launchc");
        driver.put("informationUri", SarifFormat.INFORMATION_URI);
        driver.put("version", version);
        driver.put("semanticVersion", version);
        ArrayNode rules = driver.putArray("rules");
        for (DiffKind k : DiffKind.values()) {
            ObjectNode rule = rules.addObject();
            rule.put("id", "diff/" + k.label());
            rule.putObject("shortDescription").put("text", switch (k) {
                case MISSING -> "A flag or key the config sets is missing on the node";
                case UNEXPECTED -> "The node has a flag or key the config does not set";
                case CHANGED -> "The node's value differs from the config's";
                case FILE_MISSING -> "A file the config writes is missing on the node";
                case FILE_UNEXPECTED -> "The node has a file the config does not write";
            });
        }
        ArrayNode results = run.putArray("results");
        for (Difference d : report.differences()) {
            ObjectNode r = results.addObject();
            r.put("ruleId", "diff/" + d.kind().label());
            r.put("ruleIndex", d.kind().ordinal());
            r.put("level", d.isDrift() ? "warning" : "note");
            r.putObject("message").put("text", message(d));
            ObjectNode physical = r.putArray("locations").addObject().putObject("physicalLocation");
            Difference.ConfigLine at = location(d, nodeLines);
            SarifFormat.artifactLocation(physical.putObject("artifactLocation"), at == null ? "args/" + d.file() : at.file(), -1);
            ObjectNode region = physical.putObject("region");
            region.put("startLine", at == null ? 1 : Math.max(1, at.line()));
            region.put("startColumn", at == null ? 1 : Math.max(1, at.column()));
            r.putObject("partialFingerprints").put(SarifFormat.FINGERPRINT_KEY,
                    SarifFormat.fingerprint("diff/" + d.kind().label(), Objects.toString(d.node(), "") + "/" + d.file(), Objects.toString(d.key(), "")));
        }
        run.put("columnKind", "unicodeCodePoints");
        return write(root);
    }

    /**
     * Where code scanning shows a difference: the config line that set it when that is in the
     * user's file; else the node's place in it (a cluster node's entry: its seed is generated);
     * else the node's file under args/.
     */
    private static Difference.ConfigLine location(Difference d, Map<String, Difference.ConfigLine> nodeLines) {
        Difference.ConfigLine node = d.node() == null ? null : nodeLines.get(d.node());
        if (d.line() != null && (node == null || d.line().file().equals(node.file()))) {
            return d.line();
        }
        return node != null ? node : d.line();
    }

    private static String message(Difference d) {
        StringBuilder sb = new StringBuilder();
        if (d.node() != null) {
            sb.append("node ").append(d.node()).append(": ");
        }
        sb.append("args/").append(d.file()).append(' ').append(d.kind().label());
        if (d.key() != null) {
            sb.append(' ').append(d.key());
        }
        if (d.expected() != null) {
            sb.append(", expected ").append(d.expected());
        }
        if (d.actual() != null) {
            sb.append(", actual ").append(d.actual());
        }
        if (!d.isDrift()) {
            sb.append(" (written by ").append(d.writtenBy()).append(", not drift)");
        }
        return sb.toString();
    }

    private static String write(ObjectNode root) {
        try {
            return SarifFormat.MAPPER.writer(SarifFormat.PRETTY).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
