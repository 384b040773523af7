package dev.launchc.golden;

import java.io.File;
import java.nio.file.Path;
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

    private Golden() {}

    public static void verify(String folder, String name, String extension, String text) {
        File dir = REPO.resolve("golden").resolve(folder).toFile();
        NamerWrapper namer = new NamerWrapper(() -> name, () -> dir.getPath() + File.separator);
        Approvals.verify(text, new Options().withReporter(new QuietReporter()).forFile().withNamer(namer)
                .forFile().withExtension(extension));
    }
}
