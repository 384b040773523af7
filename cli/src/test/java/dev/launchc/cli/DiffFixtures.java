package dev.launchc.cli;

import dev.launchc.diff.NodeState;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import picocli.CommandLine;

/** Compiled previews and inspection-report tarballs made from them, for the diff tests. */
public final class DiffFixtures {
    private DiffFixtures() {}

    /** The lint options of {@code launchc diff ARGS… X Y}, as the command would parse them. */
    static LintOptions options(String... args) {
        DiffCommand command = new DiffCommand();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("expected", "actual"));
        new CommandLine(command).parseArgs(all.toArray(String[]::new));
        return command.options;
    }

    /** The node {@code node} of {@code config}, compiled in memory as diff compiles it (null: its only node). */
    public static NodeState compiled(Path config, String node, String... optionArgs) {
        DiffInputs.Side side = DiffInputs.config(options(optionArgs), config.toString(), new PrintWriter(new StringWriter()));
        return node == null ? side.nodes().get(0) : side.nodes().stream().filter(n -> n.node().equals(node)).findFirst().orElseThrow();
    }

    /** The track a config compiles for. */
    public static dev.launchc.catalog.Track track(Path config, String... optionArgs) {
        return DiffInputs.config(options(optionArgs), config.toString(), new PrintWriter(new StringWriter())).track();
    }

    /**
     * A {@code microk8s inspect} tarball: {@code args} under {@code inspection-report/args/} as MK
     * {@code scripts/inspect.sh} lays it out ({@code store_args}, {@code build_report_tarball}), plus a
     * journal log the diff must ignore.
     */
    public static Path report(Path tarball, Map<String, String> args) throws IOException {
        try (OutputStream out = Files.newOutputStream(tarball);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(out))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            file(tar, "inspection-report/snap.microk8s.daemon-kubelite/journal.log", "log line\n");
            for (Map.Entry<String, String> e : args.entrySet()) {
                file(tar, "inspection-report/args/" + e.getKey(), e.getValue());
            }
        }
        return tarball;
    }

    static void file(TarArchiveOutputStream tar, String name, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(bytes.length);
        tar.putArchiveEntry(e);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }
}
