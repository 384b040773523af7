package dev.launchc.lsp;

import dev.launchc.catalog.Catalog;
import dev.launchc.catalog.GpuAddon;
import dev.launchc.catalog.GpuOperator;
import dev.launchc.catalog.KubeFlags;
import dev.launchc.catalog.Track;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Completion from the catalog: the flags of the component whose args map the cursor is in, on the
 * document's track (without the ones only upstream binaries accept); addon names of the track and
 * the declared addon repositories; the MIG configs of the node's GPU model.
 */
final class Completions {
    private static final Pattern OPERATOR_VERSION = Pattern.compile("(?m)^\\s+operatorVersion:\\s*[\"']?([^\"'\\s#]+)");

    private Completions() {}

    static List<CompletionItem> at(Analysis analysis, Position position) {
        YamlContext at = YamlContext.at(analysis.lines(), position.getLine(), position.getCharacter(), true);
        Range replace = new Range(new Position(at.line(), at.wordStart()), new Position(at.line(), at.wordEnd()));
        List<CompletionItem> out = new ArrayList<>();
        var component = ServiceKeys.component(at.parents());
        if (!at.onValue() && component.isPresent()) {
            flags(analysis.track(), component.get()).forEach(f -> out.add(item(f.name(), CompletionItemKind.Property,
                    f.type() + (f.defaultValue() == null ? "" : " (default " + f.defaultValue() + ")"),
                    at.key() == null ? f.name() + ": " : f.name(), replace)));
        } else if (ServiceKeys.isAddonName(at)) {
            analysis.track().addons().forEach((name, entry) -> out.add(item(name, CompletionItemKind.Module,
                    entry.repository() + ": " + entry.description(), name, replace)));
            for (String repo : declaredRepositories(analysis.lines())) {
                out.add(item(repo + "/", CompletionItemKind.Folder, "addon repository " + repo, repo + "/", replace));
            }
        } else if ("migConfig".equals(at.key()) && at.onValue() && "gpu".equals(at.last(0))) {
            String model = siblingValue(analysis.lines(), at.line(), "model");
            String version = operatorVersion(analysis);
            GpuOperator op = version == null ? null : Catalog.get().gpuOperator(version).orElse(null);
            if (model != null && op != null) {
                op.migConfigs(model).orElse(List.of()).forEach(c -> out.add(item(c, CompletionItemKind.EnumMember,
                        "MIG config of " + model + " (GPU Operator " + version + ")", c, replace)));
            }
        }
        return out;
    }

    private static List<KubeFlags.Flag> flags(Track track, String component) {
        KubeFlags kube = Catalog.get().kube(track.kubernetesMinor()).orElse(null);
        List<KubeFlags.Flag> out = new ArrayList<>();
        if (kube != null) {
            for (String name : kube.flagNames(component)) {
                KubeFlags.Flag f = kube.flag(component, name);
                if (!f.upstreamOnly()) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    private static CompletionItem item(String label, CompletionItemKind kind, String detail, String insert, Range replace) {
        CompletionItem item = new CompletionItem(label);
        item.setKind(kind);
        item.setDetail(detail);
        item.setTextEdit(Either.forLeft(new TextEdit(replace, insert)));
        return item;
    }

    /** The names under {@code addonRepositories:} ({@code - name: X} entries). */
    static Set<String> declaredRepositories(TextLines lines) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < lines.count(); i++) {
            String line = lines.line(i);
            if (!line.strip().startsWith("addonRepositories:")) {
                continue;
            }
            int indent = TextLines.indent(line);
            for (int j = i + 1; j < lines.count(); j++) {
                String item = lines.line(j);
                if (item.isBlank() || item.strip().startsWith("#")) {
                    continue;
                }
                if (TextLines.indent(item) < indent || TextLines.indent(item) == indent && !item.strip().startsWith("-")) {
                    break;
                }
                Matcher m = Pattern.compile("^[\\s-]*name:\\s*[\"']?([^\"'\\s#]+)").matcher(item);
                if (m.find()) {
                    out.add(m.group(1));
                }
            }
        }
        return out;
    }

    /** The value of {@code key} in the same block mapping as the line {@code line}, or null. */
    static String siblingValue(TextLines lines, int line, String key) {
        String own = lines.line(line);
        int indent = TextLines.indent(own);
        Pattern p = Pattern.compile("^\\s*(?:-\\s+)?" + Pattern.quote(key) + ":\\s*[\"']?([^\"'\\s#]+)");
        for (int step : new int[] {-1, 1}) {
            for (int j = line + step; j >= 0 && j < lines.count(); j += step) {
                String t = lines.line(j);
                if (t.isBlank() || t.strip().startsWith("#")) {
                    continue;
                }
                int ind = TextLines.indent(t);
                Matcher m = p.matcher(t);
                if (ind == indent && m.find()) {
                    return m.group(1);
                }
                if (ind < indent || t.strip().startsWith("-") && ind <= indent) {
                    break;
                }
            }
        }
        return null;
    }

    /** spec.gpu.operatorVersion if set, else the GPU Operator the track's GPU addon installs. */
    private static String operatorVersion(Analysis analysis) {
        Matcher m = OPERATOR_VERSION.matcher(analysis.text());
        if (m.find()) {
            return m.group(1);
        }
        return Catalog.get().gpuAddon(analysis.track()).map(GpuAddon::operatorVersionDefault).orElse(null);
    }
}
