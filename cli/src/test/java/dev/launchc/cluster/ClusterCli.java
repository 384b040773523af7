package dev.launchc.cluster;

import dev.launchc.cli.CliRun;
import dev.launchc.cluster.ClusterPipeline.Run;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The cluster tests that go through the command line (its flags, its output, the bundle): runs the
 * CLI in-process. What compile writes is read back with {@link ClusterPipeline}'s helpers.
 */
final class ClusterCli {
    private ClusterCli() {}

    static Run run(String... args) {
        CliRun r = CliRun.of(args);
        return new Run(r.exitCode(), r.out(), r.err(), List.of(args));
    }

    /** {@code launchc compile [extra...] -o out cluster}. */
    static Run compile(Path cluster, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("compile"));
        args.addAll(List.of(extra));
        args.addAll(List.of("-o", out.toString(), cluster.toString()));
        return run(args.toArray(String[]::new));
    }
}
