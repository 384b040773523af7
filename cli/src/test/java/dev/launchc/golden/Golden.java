package dev.launchc.golden;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.approvaltests.Approvals;
import org.approvaltests.core.Options;
import org.approvaltests.namer.NamerWrapper;
import org.approvaltests.reporters.QuietReporter;

/**
 * Approved outputs live under {@code golden/} at the repo root, named after what they show. A
 * mismatch fails with the received file written beside the approved one; approve by renaming it.
 */
public final class Golden {
    public static final Path REPO = Path.of(System.getProperty("launchc.repo", "..")).toAbsolutePath().normalize();
    public static final Path SHARED = REPO.resolveSibling("shared");

    /**
     * The track every golden is judged against unless its input names one: the newest track when
     * the goldens were approved. Pinned, so that adding a track to the catalog changes no golden.
     */
    public static final String TRACK = "1.36";

    private Golden() {}

    /**
     * The track options of a golden input: the track its "# target: X" comment names; none for a
     * cluster file, whose spec.microk8s names its track (a cluster file without one fails here, as
     * it would follow the newest track); else {@code --target} {@link #TRACK}.
     */
    public static List<String> targetArgs(Path input) throws IOException {
        List<String> lines = Files.readAllLines(input, StandardCharsets.UTF_8);
        for (String line : lines) {
            if (line.startsWith("# target: ")) {
                return List.of("--target", line.substring("# target: ".length()).strip());
            }
        }
        if (lines.contains("kind: Cluster")) {
            if (lines.stream().noneMatch(l -> l.startsWith("  microk8s: "))) {
                throw new AssertionError(input + ": a golden cluster file names its track in spec.microk8s");
            }
            return List.of();
        }
        return List.of("--target", TRACK);
    }

    public static void verify(String folder, String name, String extension, String text) {
        File dir = REPO.resolve("golden").resolve(folder).toFile();
        NamerWrapper namer = new NamerWrapper(() -> name, () -> dir.getPath() + File.separator);
        Approvals.verify(text, new Options().withReporter(new QuietReporter()).forFile().withNamer(namer)
                .forFile().withExtension(extension));
    }
}
