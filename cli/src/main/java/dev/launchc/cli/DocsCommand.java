package dev.launchc.cli;

import dev.launchc.cli.docs.ReferenceDocs;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "docs", mixinStandardHelpOptions = true,
        description = "Write the reference pages (every schema field, every diagnostic code) as Markdown.")
public final class DocsCommand implements Callable<Integer> {
    /** What every reference page says near its top, and what a file must say for docs -o to replace it. */
    static final String PAGE_MARKER = "; do not edit.";

    @Option(names = {"-o", "--output-dir"}, required = true, paramLabel = "DIR", description = "Where to write the pages (pages launchc wrote there are replaced; any other file of the same"
            + " name, or a link below DIR, is refused).")
    Path outputDir;

    @Override
    public Integer call() {
        GeneratedFiles.write(outputDir, ReferenceDocs.pages(), PAGE_MARKER);
        return ExitCodes.OK;
    }
}
