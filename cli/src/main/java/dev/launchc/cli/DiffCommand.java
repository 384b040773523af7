package dev.launchc.cli;

import dev.launchc.catalog.Track;
import dev.launchc.cli.format.DiffFormat;
import dev.launchc.diff.ConfigChange;
import dev.launchc.diff.Difference;
import dev.launchc.diff.DriftComparer;
import dev.launchc.diff.NodeState;
import dev.launchc.diff.Remediation;
import dev.launchc.render.RemediationRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Drift between a live node and its config, or what a config edit changes.",
                "EXPECTED: a cluster file or native launch config (compiled in memory as compile does), or a compile OUTDIR.",
                "ACTUAL: a 'microk8s inspect' report (inspection-report-*.tar.gz, or extracted), a node's args directory,"
                        + " or another config or OUTDIR."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:no difference (differences written by MicroK8s or an addon do not count)", "1:differences",
                "2:usage or unreadable input"})
public final class DiffCommand implements Callable<Integer> {
    enum Format { text, json, sarif }

    @Parameters(index = "0", paramLabel = "EXPECTED", description = "Cluster file, native launch config, or compile OUTDIR.")
    String expected;

    @Parameters(index = "1", paramLabel = "ACTUAL", description = "Inspection report (.tar.gz or folder), args directory, config or OUTDIR.")
    String actual;

    @Option(names = "--node", paramLabel = "NAME", description = "The node of EXPECTED to compare (needed when it has several and ACTUAL is one node).")
    String node;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text, json or sarif (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--remediate", paramLabel = "FILE",
            description = "Write a launch config that turns ACTUAL's args into EXPECTED's (never overwrites a file).")
    Path remediate;

    @Mixin
    LintOptions options;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        DiffInputs.Side want = DiffInputs.config(options, expected, err);
        DiffInputs.Side have = DiffInputs.actual(options, actual, err);
        Track track = want.track();
        ConfigChange.Report report;
        NodeState remediateWant;
        NodeState remediateHave;
        if (have.live()) {
            NodeState wanted = pick(want, node);
            NodeState live = have.nodes().get(0);
            List<Difference> diffs = new DriftComparer(track).compare(wanted.node(), wanted, live);
            report = new ConfigChange.Report(diffs, List.of());
            remediateWant = wanted;
            remediateHave = live;
        } else {
            List<NodeState> newer = node == null ? want.nodes() : List.of(pick(want, node));
            List<NodeState> older = node == null ? have.nodes() : List.of(pick(have, node));
            report = ConfigChange.compare(newer, older, track);
            remediateWant = remediate == null ? null : pick(want, node);
            remediateHave = remediate == null ? null : pick(have, remediateWant.node());
        }
        if (remediate != null) {
            List<Difference> diffs = report.differences().stream().filter(d -> java.util.Objects.equals(d.node(), remediateWant.node())).toList();
            Remediation r = Remediation.of(diffs, remediateWant, remediateHave, track);
            writeNew(remediate, RemediationRenderer.render(remediateWant.node(), track.name(), r));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(switch (format) {
            case text -> DiffFormat.text(report);
            case json -> DiffFormat.json(report);
            case sarif -> DiffFormat.sarif(report, want.nodeLines());
        });
        out.flush();
        boolean drift = report.differences().stream().anyMatch(Difference::isDrift)
                || report.nodes().stream().anyMatch(n -> !n.status().equals("unchanged"));
        return drift ? ExitCodes.INPUT_ERRORS : ExitCodes.OK;
    }

    /** The node {@code name} of a side, or its only node. */
    private static NodeState pick(DiffInputs.Side side, String name) {
        List<String> names = side.nodes().stream().map(NodeState::node).sorted().toList();
        if (name == null) {
            if (side.nodes().size() == 1) {
                return side.nodes().get(0);
            }
            throw new UsageException(side.name() + " has nodes " + String.join(", ", names) + "; name one with --node");
        }
        return side.nodes().stream().filter(n -> name.equals(n.node())).findFirst().orElseThrow(() -> new UsageException(
                "no node '" + name + "' in " + side.name() + "; it has " + String.join(", ", names)));
    }

    /** Writes a new file; launchc never overwrites what it did not write. */
    private static void writeNew(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new UsageException("refusing to overwrite " + file + ": remove it or name another --remediate file");
        } catch (IOException e) {
            throw new UsageException("cannot write " + file + ": " + e.getMessage());
        }
    }
}
