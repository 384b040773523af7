package dev.launchc.lsp;

import dev.launchc.catalog.Catalog;
import dev.launchc.catalog.KubeFlags;
import dev.launchc.catalog.Track;
import dev.launchc.catalog.TrackAddon;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * Hover text: for a Kubernetes flag its description, type, default and the minors that have it, from the
 * catalog; for an addon what it is on the track; for any other key the schema's description.
 */
final class Hovers {
    private Hovers() {}

    static Optional<Hover> at(Analysis analysis, Position position) {
        YamlContext at = YamlContext.at(analysis.lines(), position.getLine(), position.getCharacter(), false);
        Range range = new Range(new Position(at.line(), at.wordStart()), new Position(at.line(), at.wordEnd()));
        Optional<String> text = Optional.empty();
        Optional<String> component = ServiceKeys.component(at.parents());
        if (at.key() != null && !at.onValue() && component.isPresent()) {
            text = Optional.of(flag(analysis.track(), component.get(), at.key()));
        } else if (ServiceKeys.isAddonName(at) && !at.word().isEmpty()) {
            text = Optional.of(addon(analysis.track(), at.word()));
        } else if (at.key() != null && !at.onValue()) {
            text = SchemaDocs.describe(SchemaDocs.schemaOf(analysis), at.path()).map(d -> "**" + at.key() + "**\n\n" + d);
        }
        return text.map(t -> new Hover(new MarkupContent(MarkupKind.MARKDOWN, t), range));
    }

    static String flag(Track track, String component, String name) {
        Catalog catalog = Catalog.get();
        String minor = track.kubernetesMinor();
        KubeFlags.Flag flag = catalog.kube(minor).map(k -> k.flag(component, name)).orElse(null);
        List<String> minors = new ArrayList<>();
        for (String m : catalog.kubeMinors()) {
            if (catalog.kube(m).map(k -> k.flag(component, name) != null).orElse(false)) {
                minors.add(m);
            }
        }
        StringBuilder out = new StringBuilder("**").append(name).append("** (").append(component).append(" flag)\n\n");
        if (flag == null) {
            out.append("Not a ").append(component).append(" flag in Kubernetes ").append(minor)
                    .append(" (MicroK8s ").append(track.name()).append(").\n\n");
        } else {
            if (flag.description() != null && !flag.description().isEmpty()) {
                out.append(flag.description()).append("\n\n");
            }
            out.append("Type: `").append(flag.type().isEmpty() ? "?" : flag.type()).append('`');
            out.append(flag.defaultValue() == null || flag.defaultValue().isEmpty() ? ", no default"
                    : ", default: `" + flag.defaultValue() + "`").append(".\n\n");
            if (flag.flagDeprecated()) {
                out.append("Deprecated as a flag: Kubernetes will remove it.\n\n");
            } else if (flag.deprecated()) {
                out.append("Deprecated: set it in the component's config file instead.\n\n");
            }
            if (flag.upstreamOnly()) {
                out.append("Only the upstream binary accepts it; MicroK8s' kubelite does not.\n\n");
            }
        }
        out.append(minors.isEmpty() ? "In no Kubernetes minor launchc knows." : "Exists in Kubernetes " + spans(catalog.kubeMinors(), minors) + '.');
        return out.toString();
    }

    /** Minors as runs over the catalog's order: "1.27–1.30, 1.33". */
    static String spans(List<String> all, List<String> present) {
        List<String> runs = new ArrayList<>();
        int i = 0;
        while (i < all.size()) {
            if (!present.contains(all.get(i))) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < all.size() && present.contains(all.get(j + 1))) {
                j++;
            }
            runs.add(i == j ? all.get(i) : all.get(i) + "–" + all.get(j));
            i = j + 1;
        }
        return String.join(", ", runs);
    }

    static String addon(Track track, String written) {
        String name = written.contains("/") ? written.substring(written.indexOf('/') + 1) : written;
        int colon = name.indexOf(':');
        if (colon > 0) {
            name = name.substring(0, colon);
        }
        TrackAddon entry = track.addons().get(name);
        if (entry == null) {
            return "**" + name + "**: not an addon of MicroK8s " + track.name() + "'s core or community repository.";
        }
        StringBuilder out = new StringBuilder("**").append(name).append("** (").append(entry.repository().isEmpty() ? "?" : entry.repository())
                .append(" addon of MicroK8s ").append(track.name()).append(")\n\n");
        out.append(entry.description()).append("\n\n");
        String version = entry.version();
        if (!version.isEmpty()) {
            out.append("Installs version ").append(version).append(". ");
        }
        List<String> archs = entry.supportedArchitectures();
        if (!archs.isEmpty()) {
            out.append("Architectures: ").append(String.join(", ", archs)).append('.');
        }
        return out.toString().strip();
    }
}
