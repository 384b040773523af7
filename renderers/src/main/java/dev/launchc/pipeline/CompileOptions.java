package dev.launchc.pipeline;

import dev.launchc.catalog.Track;
import dev.launchc.diag.Mode;
import dev.launchc.diag.Suppressions;
import dev.launchc.load.LoadLimits;
import java.util.List;

/**
 * How to lint and compile one input: the settings a command line and a project's settings file
 * combine into.
 *
 * @param track          the target track (a cluster file's own {@code spec.microk8s} wins for a cluster)
 * @param targetExplicit whether the track was asked for (a flag or a settings file), not the default
 * @param mode           default, strict or compat
 * @param limits         the loader's limits
 * @param filter         the codes disabled and whether suppression comments count
 * @param onlyNodes      the nodes to compile; empty for all
 * @param tokens         where a cluster's join token comes from
 */
public record CompileOptions(Track track, boolean targetExplicit, Mode mode, LoadLimits limits, Suppressions.Filter filter,
        List<String> onlyNodes, TokenSource tokens) {
    public CompileOptions {
        onlyNodes = onlyNodes == null ? List.of() : List.copyOf(onlyNodes);
        tokens = tokens == null ? TokenSource.DECLARED : tokens;
    }

    /** The defaults of {@code launchc compile} on {@code track}: every node, the token the cluster file names. */
    public static CompileOptions defaults(Track track) {
        return new CompileOptions(track, false, Mode.DEFAULT, LoadLimits.DEFAULTS, Suppressions.Filter.NONE, List.of(),
                TokenSource.DECLARED);
    }

    public CompileOptions withMode(Mode m) {
        return new CompileOptions(track, targetExplicit, m, limits, filter, onlyNodes, tokens);
    }

    public CompileOptions withOnlyNodes(List<String> nodes) {
        return new CompileOptions(track, targetExplicit, mode, limits, filter, nodes, tokens);
    }

    public CompileOptions withTokens(TokenSource source) {
        return new CompileOptions(track, targetExplicit, mode, limits, filter, onlyNodes, source);
    }
}
